"""A dashboard scenario: one constellation, array, accelerator and ground comparison, and the
figures the dashboard shows, all computed here so the UI only lays them out.

Large constellations are worked through on a strided sample of each shell (every plane is
represented); fleet figures scale the sample's per-satellite means by each shell's count.
"""

import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .assessment import assess, comparison
from .catalogue import CatalogueStore
from .compute import accelerator, delivered_pflops
from .constellation import MAX_SATELLITES, Shell, combine, sun_synchronous, walker
from .errors import OrbitalError
from .fleet import FLEET_YEAR_STEP_S, fleet_year, plane_statistics, serial_chunks
from .parameters import Ground, Launch, Model, Satellite, SolarArray
from .power import array_power_w, array_rating_w
from .presets import PRESETS, preset
from .propagation import as_time_array, earth_rotation_angle_rad, propagate
from .refit import circular_fit
from .shadow import beta_angle_deg, eclipse_events, illumination
from .statistics import sample_indices
from .sun import sun_teme_km
from .timeutil import at, seconds_between, times, year_times

CUSTOM = "custom"
CATALOGUE = "catalogue"
# Uploaded catalogues, filed by content in the system's temporary area (shared by the server's workers).
CATALOGUES = CatalogueStore(Path(tempfile.gettempdir()) / "orbital-compute-catalogues")
# Satellites per shell used for the window's time series, and for the yearly assessment.
STATISTICS_PER_SHELL = 120
YEAR_PER_SHELL = 24
# Step of the yearly assessment, s: incommensurate with orbital periods, so a year samples every phase.
YEAR_STEP_S = 1800.0
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
    eclipse_mode: str = Satellite.eclipse_mode
    vehicle: str = "Starship 200 t"
    pue: float = Ground.pue
    capacity_factor: float = Ground.capacity_factor
    start: str = "2026-06-21T00:00:00Z"
    window_h: float = 6.0
    step_s: float = 60.0
    # Key of an uploaded catalogue in CATALOGUES (used when preset is "catalogue").
    catalogue: str = ""

    def __post_init__(self):
        if self.preset not in (CUSTOM, CATALOGUE) and self.preset not in PRESETS:
            raise OrbitalError(f"preset: {self.preset!r} is unknown; choose one of {', '.join(PRESETS)}, "
                               f"{CUSTOM}, {CATALOGUE}")
        if not 0.5 <= self.window_h <= 48:
            raise OrbitalError(f"window_h: {self.window_h!r} is outside the allowed range 0.5 to 48 h")
        self.model()
        at(self.start)
        if self.preset in (CUSTOM, CATALOGUE):
            self.constellation()

    def array(self):
        return SolarArray(area_m2=float(self.area_m2), cell_efficiency=float(self.cell_efficiency))

    def model(self):
        """The power, compute, heat, launch and ground model with this scenario's choices."""
        return Model(array=self.array(), satellite=Satellite(eclipse_mode=self.eclipse_mode),
                     launch=Launch.for_vehicle(self.vehicle),
                     ground=Ground(pue=float(self.pue), capacity_factor=float(self.capacity_factor)),
                     accelerator=self.accelerator)

    def chip(self):
        return accelerator(self.accelerator)

    def constellation(self):
        return _constellation(self)

    @property
    def year(self):
        """Calendar year of the scenario's start: the year its yearly figures cover."""
        return int(self.start[:4])

    def window(self):
        """Time array of the scenario's window, every step_s seconds."""
        return times(self.start, hours=self.window_h, step_s=self.step_s)


@lru_cache(maxsize=16)
def _constellation(scenario):
    if scenario.preset == CATALOGUE:
        return CATALOGUES.load(scenario.catalogue, name="uploaded catalogue")
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


def regular_layout(raan_rad, arg_latitude_rad, planes):
    """A shell's elements as a lattice, or None when they are not one.

    Satellite i = p × S + s (plane p of `planes`, slot s of S = count / planes) has node
    raan0 + p × raan_step and argument of latitude u0 + s × u_slot_step + p × u_plane_step (rad):
    Walker and sun-synchronous shells are such lattices, so a browser can rebuild every element
    from these six numbers.
    """
    count = raan_rad.size
    if planes < 1 or count % planes:
        return None
    per_plane = count // planes

    def wrapped(x):
        return np.angle(np.exp(1j * x))

    raan = raan_rad.reshape(planes, per_plane)
    u = arg_latitude_rad.reshape(planes, per_plane)
    layout = {"planes": planes, "per_plane": per_plane, "raan0_rad": float(raan[0, 0]),
              "raan_step_rad": float(wrapped(raan[1, 0] - raan[0, 0])) if planes > 1 else 0.0,
              "u0_rad": float(u[0, 0]),
              "u_slot_step_rad": float(wrapped(u[0, 1] - u[0, 0])) if per_plane > 1 else 0.0,
              "u_plane_step_rad": float(wrapped(u[1, 0] - u[0, 0])) if planes > 1 else 0.0}
    p, slot = np.arange(planes)[:, None], np.arange(per_plane)[None, :]
    raan_fit = layout["raan0_rad"] + p * layout["raan_step_rad"]
    u_fit = layout["u0_rad"] + slot * layout["u_slot_step_rad"] + p * layout["u_plane_step_rad"]
    if np.abs(wrapped(raan - raan_fit)).max() > 1e-9 or np.abs(wrapped(u - u_fit)).max() > 1e-9:
        return None
    return layout


def catalogue_globe_elements(catalogue, offset, t0, span_s):
    """A catalogue group for the globe: circular orbits refitted to SGP4 over the window
    (refit.circular_fit), each satellite with its own radius, inclination and rates (float32)."""
    fit = circular_fit(catalogue, t0, span_s)
    per_satellite = {key: fit[key].astype(np.float32) for key in
                     ("raan_rad", "arg_latitude_rad", "semi_major_axis_km", "inclination_rad",
                      "node_rate_rad_s", "u_rate_rad_s")}
    return {"name": catalogue.name, "offset": offset, "count": catalogue.count,
            "semi_major_axis_km": float(np.nanmax(fit["semi_major_axis_km"])),
            "inclination_rad": 0.0, "node_rate_rad_s": 0.0, "u_rate_rad_s": 0.0, "layout": None,
            "per_satellite": per_satellite}


@lru_cache(maxsize=16)
def globe_elements(scenario):
    """What the browser needs to move every satellite itself (circular orbits with secular drift).

    Elements are re-based in float64 to the window's start, so the browser adds only rate × time.
    Returns dict: groups, each with name, offset, count, semi-major axis, inclination, node and
    argument-of-latitude rates, and either `layout` (regular_layout: a few numbers for any count),
    or raan_rad and arg_latitude_rad (float32, per satellite), or for catalogues `per_satellite`
    float32 orbits refitted to SGP4 (catalogue_globe_elements); the GMST angle at the start; and
    the Sun's TEME unit vector sampled over the window.
    """
    constellation = scenario.constellation()
    t0 = at(scenario.start)
    groups = []
    for g, shell in enumerate(constellation.groups):
        if not isinstance(shell, Shell):
            groups.append(catalogue_globe_elements(shell, int(constellation.offsets[g]), t0,
                                                   scenario.window_h * 3600.0))
            continue
        node_rate, u_rate = shell.secular_rates_rad_s()
        dt_s = float(seconds_between(shell.epoch, t0))
        raan = np.mod(shell.raan_rad + node_rate * dt_s, 2 * np.pi)
        u = np.mod(shell.arg_latitude_rad + u_rate * dt_s, 2 * np.pi)
        group = {"name": shell.name, "offset": int(constellation.offsets[g]), "count": shell.count,
                 "semi_major_axis_km": shell.semi_major_axis_km,
                 "inclination_rad": float(np.radians(shell.inclination_deg)),
                 "node_rate_rad_s": float(node_rate), "u_rate_rad_s": float(u_rate),
                 "layout": regular_layout(raan, u, shell.planes)}
        if group["layout"] is None:
            group["raan_rad"] = raan.astype(np.float32)
            group["arg_latitude_rad"] = u.astype(np.float32)
        groups.append(group)
    t = scenario.window()
    sun = sun_teme_km(t)
    sun_step = max(1, len(t) // 48)
    sun_t = t[::sun_step]
    sun_unit = sun[::sun_step] / np.linalg.norm(sun[::sun_step], axis=1, keepdims=True)
    return {
        "groups": groups, "count": constellation.count,
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
def fleet_compute(scenario, accelerators_by_shell=None):
    """Fleet compute over the window: seconds, delivered and installed PFLOP/s (times,), with the
    accelerators per satellite of each shell (a tuple; default: as the yearly assessment sizes them)."""
    constellation = scenario.constellation()
    picks = sample_indices(constellation, STATISTICS_PER_SHELL)
    sample = constellation.subset(picks)
    t = scenario.window()
    model = scenario.model()
    chip = scenario.chip()
    if accelerators_by_shell is None:
        accelerators_by_shell = tuple(shell["accelerators_per_satellite"] for shell in yearly(scenario)["shells"])
    count_by_shell = np.array(accelerators_by_shell)
    count = count_by_shell[constellation.group_index()[picks]]
    if model.satellite.eclipse_mode == "battery":
        pflops = np.repeat((count * chip.bf16_pflops)[:, None], len(t), axis=1)
    else:
        state = propagate(sample, t)
        power_w = array_power_w(state, illumination(state), model.array)
        bus_w = model.satellite.bus_load_fraction * array_rating_w(model.array)
        pflops = delivered_pflops(power_w, bus_w, count, chip)
    weights = _fleet_weights(constellation, picks)
    installed = float(weights @ count) * chip.bf16_pflops
    return {"seconds": seconds_between(t[0], t), "delivered_pflops": weights @ pflops,
            "installed_pflops": np.full(len(t), installed), "accelerators_per_satellite": count_by_shell,
            "satellites": constellation.count, "eclipse_mode": model.satellite.eclipse_mode}


def _fleet_weights(constellation, picks):
    """Weight of each sampled satellite so that a weighted sum stands for the whole fleet."""
    group = constellation.group_index()[picks]
    sampled = np.bincount(group, minlength=len(constellation.groups))
    return (np.diff(constellation.offsets) / np.maximum(sampled, 1))[group]


@lru_cache(maxsize=16)
def yearly(scenario):
    """orbital.assessment.assess over the calendar year of the scenario's start (YEAR_STEP_S steps)."""
    return assess(scenario.constellation(), year_times(scenario.year, YEAR_STEP_S), scenario.model(),
                  YEAR_PER_SHELL)


@lru_cache(maxsize=16)
def satellite_scatter(scenario):
    """A sample of each shell: index, name, beta angle (deg) at the start, sunlit fraction over the window."""
    constellation = scenario.constellation()
    picks = sample_indices(constellation, max(1, SCATTER_SATELLITES_MAX // len(constellation.groups)))
    sample = constellation.subset(picks)
    t = scenario.window()
    lit = illumination(propagate(sample, t))
    return {"index": picks, "names": constellation.names(picks), "beta_deg": beta_angle_deg(sample, t[0])[:, 0],
            "sunlit_fraction": (lit > 0).mean(axis=1), "shell": constellation.group_index()[picks]}


def scenario_fleet_year(scenario, progress=None, run_chunks=serial_chunks):
    """orbital.fleet.fleet_year of every plane of the scenario over the calendar year of its start."""
    return fleet_year(scenario.constellation(), scenario.year, scenario.model().array,
                      progress=progress, run_chunks=run_chunks)


def scenario_plane_statistics(scenario, index):
    """One chunk of scenario_fleet_year: orbital.fleet.plane_statistics of the planes standing at `index`."""
    return plane_statistics(scenario.constellation(), np.asarray(index, dtype=np.int64),
                            year_times(scenario.year, FLEET_YEAR_STEP_S), scenario.model().array)


def energy_comparison(scenario):
    """The orbital-versus-terrestrial table of the scenario's year (assessment.comparison)."""
    return comparison(yearly(scenario))
