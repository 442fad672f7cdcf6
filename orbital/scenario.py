"""A dashboard scenario: one constellation, array, accelerator and ground comparison, and the
figures the dashboard shows, all computed here so the UI only lays them out.

Large constellations are worked through on a strided sample of each shell (every plane is
represented); fleet figures scale the sample's per-satellite means by each shell's count.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .compute import BUS_LOAD_FRACTION, accelerator, accelerators_per_satellite, delivered_pflops
from .constants import SOLAR_IRRADIANCE_1AU_W_M2
from .constellation import MAX_SATELLITES, Shell, combine, sun_synchronous, walker
from .errors import OrbitalError
from .parameters import SolarArray
from .power import array_power_w
from .presets import PRESETS, preset
from .propagation import as_time_array, earth_rotation_angle_rad, propagate
from .shadow import beta_angle_deg, eclipse_events, illumination
from .statistics import sample_indices
from .sun import sun_teme_km
from .terrestrial import HOURS_PER_YEAR, PUE_HYPERSCALE, GroundSite
from .timeutil import at, seconds_between, times

CUSTOM = "custom"
# Satellites drawn on the globe at most (the rest of a large preset is represented by a stride).
GLOBE_SATELLITES_MAX = 20_000
# Satellites per shell used for the time series and yearly statistics.
STATISTICS_PER_SHELL = 120
SEASON_PER_SHELL = 24
SCATTER_SATELLITES_MAX = 400


@dataclass(frozen=True)
class Scenario:
    """Everything one dashboard view depends on; validated on construction."""

    preset: str = "spacex-odc"
    altitude_km: float = 650.0
    inclination_deg: float = 53.0
    sun_synchronous: bool = True
    ltan_h: float = 18.0
    satellites: int = 1200
    planes: int = 24
    area_m2: float = SolarArray.area_m2
    cell_efficiency: float = SolarArray.cell_efficiency
    accelerator: str = "H100"
    pue: float = 1.56
    start: str = "2026-06-21T00:00:00Z"
    window_h: float = 6.0
    step_s: float = 60.0

    def __post_init__(self):
        if self.preset != CUSTOM and self.preset not in PRESETS:
            raise OrbitalError(f"preset: {self.preset!r} is unknown; choose one of {', '.join(PRESETS)}, custom")
        if not 0.5 <= self.window_h <= 48:
            raise OrbitalError(f"window_h: {self.window_h!r} is outside the allowed range 0.5 to 48 h")
        self.array()
        self.ground()
        accelerator(self.accelerator)
        at(self.start)
        if self.preset == CUSTOM:
            self.constellation()

    def array(self):
        return SolarArray(area_m2=float(self.area_m2), cell_efficiency=float(self.cell_efficiency))

    def ground(self):
        return GroundSite(pue=float(self.pue))

    def chip(self):
        return accelerator(self.accelerator)

    def constellation(self):
        return _constellation(self)

    def window(self):
        """Time array of the scenario's window, every step_s seconds."""
        return times(self.start, hours=self.window_h, step_s=self.step_s)


@lru_cache(maxsize=16)
def _constellation(scenario):
    if scenario.preset != CUSTOM:
        return preset(scenario.preset)
    if not 1 <= scenario.satellites <= MAX_SATELLITES:
        raise OrbitalError(f"satellites: {scenario.satellites!r} is outside the allowed range 1 to {MAX_SATELLITES:,}")
    if scenario.sun_synchronous:
        shell = sun_synchronous(scenario.altitude_km, scenario.ltan_h, scenario.satellites, scenario.planes, 1,
                                plane_spread_h=1.0, name="Custom SSO")
    else:
        shell = walker(scenario.altitude_km, scenario.inclination_deg, scenario.satellites, scenario.planes, 1,
                       name="Custom Walker")
    return combine(shell, name="custom", description=shell.description)


def rated_power_w(scenario):
    """Full-sun power of one satellite's array at 1 AU, W."""
    array = scenario.array()
    return SOLAR_IRRADIANCE_1AU_W_M2 * array.area_m2 * array.cell_efficiency * array.packing_factor


def globe_satellites(constellation):
    """Indices of the satellites drawn on the globe: all, or an even stride of each shell."""
    if constellation.count <= GLOBE_SATELLITES_MAX:
        return np.arange(constellation.count)
    share = GLOBE_SATELLITES_MAX / constellation.count
    picks = [constellation.offsets[g] + np.unique(np.linspace(0, g_.count - 1, max(1, int(g_.count * share))).astype(np.int64))
             for g, g_ in enumerate(constellation.groups)]
    return np.concatenate(picks)


@lru_cache(maxsize=16)
def globe_elements(scenario):
    """What the browser needs to move the drawn satellites itself (circular orbits with secular drift).

    Returns dict: index (drawn satellites' indices, int32), shell (uint16), raan_rad, arg_latitude_rad
    (float32, at the window's start), and per shell: semi-major axis, inclination, rates; plus the
    GMST angle at the start, and the Sun's TEME unit vector sampled over the window.
    """
    constellation = scenario.constellation()
    if not all(isinstance(g, Shell) for g in constellation.groups):
        raise OrbitalError("globe: catalogue satellites are not drawn yet; use a designed constellation")
    index = globe_satellites(constellation)
    t0 = at(scenario.start)
    shells, raan, u = [], np.empty(index.size), np.empty(index.size)
    group = constellation.group_index()[index]
    for g, shell in enumerate(constellation.groups):
        node_rate, u_rate = shell.secular_rates_rad_s()
        dt_s = float(seconds_between(shell.epoch, t0))
        rows = group == g
        local = index[rows] - constellation.offsets[g]
        raan[rows] = np.mod(shell.raan_rad[local] + node_rate * dt_s, 2 * np.pi)
        u[rows] = np.mod(shell.arg_latitude_rad[local] + u_rate * dt_s, 2 * np.pi)
        shells.append({"name": shell.name, "count": shell.count, "drawn": int(rows.sum()),
                       "semi_major_axis_km": shell.semi_major_axis_km,
                       "inclination_rad": float(np.radians(shell.inclination_deg)),
                       "node_rate_rad_s": float(node_rate), "u_rate_rad_s": float(u_rate)})
    t = scenario.window()
    sun = sun_teme_km(t)
    sun_step = max(1, len(t) // 48)
    sun_t = t[::sun_step]
    sun_unit = sun[::sun_step] / np.linalg.norm(sun[::sun_step], axis=1, keepdims=True)
    return {
        "index": index.astype(np.int32), "shell": group.astype(np.uint16),
        "raan_rad": raan.astype(np.float32), "arg_latitude_rad": u.astype(np.float32), "shells": shells,
        "gmst_rad": float(earth_rotation_angle_rad(as_time_array(t0))[0]),
        "sun_seconds": seconds_between(t0, sun_t).astype(np.float32),
        "sun_teme_unit": sun_unit.astype(np.float32),
        "window_s": float(scenario.window_h * 3600.0),
    }


def satellite_power(scenario, satellite):
    """One satellite over the window: seconds (times,), power_w, visible fraction, and umbra intervals."""
    constellation = scenario.constellation()
    if not 0 <= satellite < constellation.count:
        raise OrbitalError(f"satellite: {satellite!r} is outside the allowed range 0 to {constellation.count - 1}")
    one = constellation.subset([satellite])
    t = scenario.window()
    state = propagate(one, t)
    lit = illumination(state)
    seconds = seconds_between(t[0], t)
    _, entry_s, exit_s, _ = eclipse_events(state, lit, seconds)
    return {"name": constellation.names([satellite])[0], "seconds": seconds,
            "power_w": array_power_w(state, lit, scenario.array())[0], "lit": lit[0],
            "umbra_s": list(zip(entry_s.tolist(), exit_s.tolist())),
            "beta_deg": float(beta_angle_deg(one, t[0])[0, 0])}


@lru_cache(maxsize=16)
def fleet_compute(scenario):
    """Fleet compute over the window: seconds, delivered and installed PFLOP/s (times,), and per satellite figures."""
    constellation = scenario.constellation()
    picks = sample_indices(constellation, STATISTICS_PER_SHELL)
    sample = constellation.subset(picks)
    t = scenario.window()
    state = propagate(sample, t)
    lit = illumination(state)
    power_w = array_power_w(state, lit, scenario.array())
    rated_w = rated_power_w(scenario)
    chip = scenario.chip()
    count = accelerators_per_satellite(rated_w, chip)
    pflops = delivered_pflops(power_w, np.full(sample.count, rated_w), np.full(sample.count, count), chip)
    weights = _fleet_weights(constellation, picks)
    installed = count * chip.bf16_tflops / 1000.0 * constellation.count
    return {"seconds": seconds_between(t[0], t), "delivered_pflops": weights @ pflops,
            "installed_pflops": np.full(len(t), installed), "accelerators_per_satellite": int(count),
            "satellites": constellation.count, "sunlit_fraction": float(weights @ (lit > 0).mean(axis=1) / constellation.count)}


def _fleet_weights(constellation, picks):
    """Weight of each sampled satellite so that a weighted sum stands for the whole fleet."""
    group = constellation.group_index()[picks]
    sampled = np.bincount(group, minlength=len(constellation.groups))
    return (np.diff(constellation.offsets) / np.maximum(sampled, 1))[group]


@lru_cache(maxsize=16)
def season(scenario):
    """Each shell's sunlit fraction and mean power per satellite on one day in each month of the year.

    Returns months (12,), shell names, sunlit (shells, 12), mean_power_w (shells, 12), and the
    per-satellite yearly mean power (shells,) used for annual energy.
    """
    constellation = scenario.constellation()
    picks = sample_indices(constellation, SEASON_PER_SHELL)
    sample = constellation.subset(picks)
    group = constellation.group_index()[picks]
    year = int(scenario.start[:4])
    # One day on the 15th of each month at a 120 s step, as one time array (one ephemeris call).
    days = [times(f"{year}-{month:02d}-15T00:00:00Z", hours=24, step_s=120) for month in range(1, 13)]
    per_day = len(days[0])
    t = days[0].ts.tt_jd(np.concatenate([d.whole for d in days]), np.concatenate([d.tt_fraction for d in days]))
    state = propagate(sample, t)
    lit = illumination(state)
    shape = (sample.count, 12, per_day)
    sunlit_by_sat = (lit > 0).reshape(shape).mean(axis=2)
    power_by_sat = array_power_w(state, lit, scenario.array()).reshape(shape).mean(axis=2)
    counts = np.maximum(np.bincount(group, minlength=len(constellation.groups)), 1)[:, None]
    shells = len(constellation.groups)
    sunlit = np.stack([np.bincount(group, weights=sunlit_by_sat[:, m], minlength=shells) for m in range(12)], 1) / counts
    power = np.stack([np.bincount(group, weights=power_by_sat[:, m], minlength=shells) for m in range(12)], 1) / counts
    return {"months": np.arange(1, 13), "shells": [g.name for g in constellation.groups],
            "sunlit": sunlit, "mean_power_w": power, "year_mean_power_w": power.mean(axis=1)}


@lru_cache(maxsize=16)
def satellite_scatter(scenario):
    """A sample of the drawn satellites: index, name, beta angle (deg) at the start, sunlit fraction over the window."""
    constellation = scenario.constellation()
    drawn = globe_satellites(constellation)
    drawn_group = constellation.group_index()[drawn]
    per_group = max(1, SCATTER_SATELLITES_MAX // len(constellation.groups))
    picks = np.concatenate([
        in_group[np.unique(np.linspace(0, in_group.size - 1, min(per_group, in_group.size)).round().astype(np.int64))]
        for in_group in (drawn[drawn_group == g] for g in range(len(constellation.groups)))])
    sample = constellation.subset(picks)
    t = scenario.window()
    lit = illumination(propagate(sample, t))
    return {"index": picks, "names": constellation.names(picks), "beta_deg": beta_angle_deg(sample, t[0])[:, 0],
            "sunlit_fraction": (lit > 0).mean(axis=1), "shell": constellation.group_index()[picks]}


def energy_comparison(scenario):
    """Annual energy of the fleet against a terrestrial data center doing the same compute.

    orbital_array_twh: what the arrays deliver; orbital_it_twh: what reaches accelerators (after
    bus and throttling); terrestrial_grid_twh (scenario PUE) and hyperscale_grid_twh (PUE 1.10)
    for the same IT energy; ground_solar_farm_km2 that would supply it; array_km2 in orbit;
    sunlight_ratio: orbital array energy per m² per year ÷ a ground panel's.
    """
    constellation = scenario.constellation()
    yearly = season(scenario)
    counts = np.diff(constellation.offsets)
    array_w = float(yearly["year_mean_power_w"] @ counts)
    rated_w = rated_power_w(scenario)
    chip = scenario.chip()
    per_sat = accelerators_per_satellite(rated_w, chip)
    # IT energy: array power after the bus, capped by the installed accelerators' draw.
    it_w_per_sat = np.minimum(np.maximum(yearly["year_mean_power_w"] - BUS_LOAD_FRACTION * rated_w, 0.0),
                              per_sat * chip.system_power_w)
    it_w = float(it_w_per_sat @ counts)
    ground = scenario.ground()
    hyperscale = GroundSite(pue=PUE_HYPERSCALE)
    grid_wh = ground.grid_energy_wh(it_w * HOURS_PER_YEAR)
    area_m2 = scenario.array().area_m2
    orbital_per_m2 = array_w * HOURS_PER_YEAR / (area_m2 * constellation.count)
    return {
        "orbital_array_twh": array_w * HOURS_PER_YEAR / 1e12,
        "orbital_it_twh": it_w * HOURS_PER_YEAR / 1e12,
        "terrestrial_grid_twh": grid_wh / 1e12,
        "hyperscale_grid_twh": hyperscale.grid_energy_wh(it_w * HOURS_PER_YEAR) / 1e12,
        "ground_solar_farm_km2": ground.solar_farm_area_m2(grid_wh) / 1e6,
        "array_km2": area_m2 * constellation.count / 1e6,
        "sunlight_ratio": orbital_per_m2 / ground.panel_energy_wh_per_m2_year(),
        "pue": ground.pue,
    }
