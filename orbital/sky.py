"""The night sky from a site and the upper air: lit satellites above the horizon, their brightness
against SATCON-1's limit, streaks per exposure, and the re-entry ledger (what burns up each year).

Brightness: Mallama's distance-normalised magnitude (1,000 km) with a diffuse (Lambertian) sphere's
phase law normalised at 90°; Hainaut & Williams (A&A 636, A121, 2020) used the same sphere.
"""

from dataclasses import dataclass, replace

import numpy as np

from .constants import AU_KM, EARTH_FLATTENING, EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from .errors import OrbitalError
from .frames import as_time_array, earth_rotation_angle_rad
from .parameters import Reentry, Sky
from .propagation import catalogue_teme_km, shell_teme_km
from .sun import ephemeris, sun_teme_km
from .timeutil import at, parse_iso, timescale

# Satellites × times per chunk (bounded memory: ~10 float arrays of this many samples, ~0.4 GB).
CHUNK_SAMPLES = 4_000_000
TWILIGHT_SUN_ELEVATION_DEG = -18.0  # the end of astronomical twilight
SKY_DOME_30_DEG2 = 2.0 * np.pi * (1.0 - np.sin(np.radians(30.0))) * np.degrees(1.0) ** 2  # above 30°


@dataclass(frozen=True)
class Site:
    """An observatory: WGS84 latitude, longitude (deg) and height (km)."""

    name: str
    lat_deg: float
    lon_deg: float
    height_km: float


# Rubin: the issue's figures (rubinobservatory.org); Paranal: ESO's VLT (eso.org), Hainaut & Williams' site.
SITES = {"rubin": Site("Rubin Observatory, Cerro Pachón", -30.2444, -70.7494, 2.663),
         "paranal": Site("Paranal Observatory (ESO VLT)", -24.6272, -70.4042, 2.635)}


def site(name):
    """A named site from SITES, or OrbitalError naming the parameter."""
    if name not in SITES:
        raise OrbitalError(f"site: {name!r} is not one of {', '.join(SITES)}", parameter="site")
    return SITES[name]


def site_teme_km(where, t):
    """The site's position (times, 3) in TEME, km, and its local vertical (times, 3), unit vectors."""
    lat, lon = np.radians(where.lat_deg), np.radians(where.lon_deg)
    e2 = EARTH_FLATTENING * (2.0 - EARTH_FLATTENING)
    n = EARTH_RADIUS_KM / np.sqrt(1.0 - e2 * np.sin(lat) ** 2)
    angle = lon + earth_rotation_angle_rad(t)
    rho_km = (n + where.height_km) * np.cos(lat)
    position = np.stack([rho_km * np.cos(angle), rho_km * np.sin(angle),
                         np.full(angle.shape, (n * (1.0 - e2) + where.height_km) * np.sin(lat))], axis=-1)
    up = np.stack([np.cos(lat) * np.cos(angle), np.cos(lat) * np.sin(angle), np.full(angle.shape, np.sin(lat))],
                  axis=-1)
    return position, up


def site_axes(where, t):
    """The site's local north and east (times, 3) in TEME, unit vectors (an azimuth's 0° and 90°)."""
    lat, angle = np.radians(where.lat_deg), np.radians(where.lon_deg) + earth_rotation_angle_rad(t)
    north = np.stack([-np.sin(lat) * np.cos(angle), -np.sin(lat) * np.sin(angle), np.full(angle.shape, np.cos(lat))],
                     axis=-1)
    east = np.stack([-np.sin(angle), np.cos(angle), np.zeros(angle.shape)], axis=-1)
    return north, east


def sky_at(constellation, where, moment, params=Sky(), every=1):
    """The lit satellites above the site's horizon at one instant (skyfield Time or ISO text): arrays
    (lit,) of elevation_deg, azimuth_deg (from north through east), magnitude and over_satcon (brighter
    than SATCON-1's limit), of a 1-in-`every` sample (_sample); and the Sun's elevation (deg) there."""
    t = as_time_array(at(moment))
    observer, up = site_teme_km(where, t)
    north, east = site_axes(where, t)
    sun_km = sun_teme_km(t)
    parts = []
    for group in constellation.groups:
        for r_km, altitude_km, _ in _chunks(group, t, every):
            r_km = r_km[:, 0]
            elevation_deg, distance_km, phase_rad, lit = _look(r_km, observer[0], up[0], sun_km[0])
            keep = lit & (elevation_deg > 0.0)
            rho = r_km[keep] - observer[0]
            height_km = altitude_km if altitude_km is not None else np.linalg.norm(r_km[keep], axis=-1) - EARTH_RADIUS_KM
            mag = observed_magnitude(distance_km[keep], phase_rad[keep], elevation_deg[keep], params)
            parts.append((elevation_deg[keep], np.degrees(np.arctan2(rho @ east[0], rho @ north[0])) % 360.0, mag,
                          mag < satcon_limit(height_km, params.satcon_magnitude)))
    columns = [np.concatenate(c) if c else np.empty(0) for c in zip(*parts)] or [np.empty(0)] * 4
    to_sun = sun_km[0] - observer[0]
    sun_deg = float(np.degrees(np.arcsin(to_sun @ up[0] / np.linalg.norm(to_sun))))
    return {**dict(zip(("elevation_deg", "azimuth_deg", "magnitude", "over_satcon"), columns)),
            "sun_elevation_deg": sun_deg, "every": every}


def night(where, date):
    """(evening, morning) skyfield Times of the end and start of astronomical twilight on the night
    starting at local date `date` ('2027-06-21'); OrbitalError if the Sun never gets 18° below."""
    from skyfield import almanac
    from skyfield.api import wgs84

    ts = timescale()
    day = parse_iso(f"{date}T12:00:00Z", parameter="date")
    start_jd = ts.from_datetime(day).tt - where.lon_deg / 360.0  # about local noon
    times, states = almanac.find_discrete(
        ts.tt_jd(start_jd), ts.tt_jd(start_jd + 1.0),
        almanac.dark_twilight_day(ephemeris(), wgs84.latlon(where.lat_deg, where.lon_deg, where.height_km * 1e3)))
    dusk = [k for k in range(len(states)) if states[k] == 0]
    if not dusk or dusk[0] + 1 >= len(states):
        raise OrbitalError(f"date: no astronomical night at {where.name} on {date}", parameter="date")
    return times[dusk[0]], times[dusk[0] + 1]


def phase_law(phase_rad):
    """Diffuse sphere's brightness at phase angle (rad), relative to 90°: ((π−φ)cos φ + sin φ)."""
    return (np.pi - phase_rad) * np.cos(phase_rad) + np.sin(phase_rad)


def magnitude(distance_km, phase_rad, magnitude_1000km):
    """Apparent V magnitude at range (km) and phase angle (rad), from the magnitude at 1,000 km and 90°."""
    return (magnitude_1000km + 5.0 * np.log10(distance_km / 1000.0)
            - 2.5 * np.log10(np.maximum(phase_law(phase_rad), 1e-12)))


def airmass(elevation_deg):
    """Relative air mass at elevation (deg, array): Kasten & Young 1989 (Appl. Opt. 28, 4735),
    X = 1 / (cos z + 0.50572 (96.07995° − z)^−1.6364), z the zenith angle in degrees; 1 at the zenith, ~38
    at the horizon."""
    z_deg = 90.0 - np.clip(elevation_deg, 0.0, 90.0)
    return 1.0 / (np.cos(np.radians(z_deg)) + 0.50572 * (96.07995 - z_deg) ** -1.6364)


def observed_magnitude(distance_km, phase_rad, elevation_deg, params=Sky()):
    """The V an observer sees: magnitude() above the atmosphere (Mallama's calibration, on field stars'
    catalogue magnitudes) dimmed by params.extinction_mag_per_airmass × airmass(elevation)."""
    return (magnitude(distance_km, phase_rad, params.magnitude_1000km)
            + params.extinction_mag_per_airmass * airmass(elevation_deg))


def satcon_limit(altitude_km, satcon_magnitude=7.0):
    """SATCON-1's recommended limit V = 7 + 2.5 log10(h / 550 km)."""
    return satcon_magnitude + 2.5 * np.log10(np.asarray(altitude_km) / 550.0)


def satcon_at_twilight(altitude_km, params=Sky(), azimuths=72):
    """SATCON-1 in closed form per shell (altitudes (shells,), km), no night simulated: the observed V
    (observed_magnitude) of a satellite at the zenith and of the brightest lit one at 30° elevation (of
    `azimuths` azimuths) at the end of astronomical twilight (the Sun 18° below the horizon), a spherical
    Earth, the observer at sea level; NaN in the Earth's shadow. (zenith, at 30°, SATCON-1's limit), (shells,)."""
    height_km = np.asarray(altitude_km, dtype=float)[:, None]
    azimuth = np.radians(np.concatenate([[0.0], np.arange(azimuths) * 360.0 / azimuths]))
    elevation = np.radians(np.concatenate([[90.0], np.full(azimuths, 30.0)]))
    look = np.stack([np.cos(elevation) * np.cos(azimuth), np.cos(elevation) * np.sin(azimuth), np.sin(elevation)], axis=-1)
    up = np.array([0.0, 0.0, 1.0])
    observer = EARTH_RADIUS_KM * up
    sun = np.radians(TWILIGHT_SUN_ELEVATION_DEG)
    sun_km = observer + AU_KM * np.array([np.cos(sun), 0.0, np.sin(sun)])
    below_km = EARTH_RADIUS_KM * look[:, 2]
    range_km = -below_km + np.sqrt(below_km ** 2 + 2.0 * EARTH_RADIUS_KM * height_km + height_km ** 2)
    elevation_deg, distance_km, phase_rad, lit = _look(observer + range_km[..., None] * look, observer, up, sun_km)
    seen = np.where(lit, observed_magnitude(distance_km, phase_rad, elevation_deg, params), np.nan)
    return seen[:, 0], np.fmin.reduce(seen[:, 1:], axis=1), satcon_limit(height_km[:, 0], params.satcon_magnitude)


def _sample(group, every):
    """(group, weight): a seeded random 1-in-`every` subset of a group's satellites and how many each
    stands for (the group itself and 1 when every is 1)."""
    if every <= 1 or group.count <= 1:
        return group, 1.0
    rows = np.sort(np.random.default_rng(0).choice(group.count, -(-group.count // every), replace=False))
    if group.kind == "catalogue":
        return replace(group, satrecs=[group.satrecs[i] for i in rows]), group.count / len(rows)
    return replace(group, raan_rad=group.raan_rad[rows], arg_latitude_rad=group.arg_latitude_rad[rows]), group.count / len(rows)


def _chunks(group, t, every=1):
    """(positions (s, times, 3) TEME km, altitude km or None, satellites each stands for) for pieces of a
    group (a 1-in-`every` sample of it, _sample), CHUNK_SAMPLES each."""
    group, weight = _sample(group, every)
    rows = max(1, CHUNK_SAMPLES // len(t))
    for start in range(0, group.count, rows):
        stop = min(start + rows, group.count)
        if group.kind == "catalogue":
            r_km = catalogue_teme_km(replace(group, satrecs=group.satrecs[start:stop]), t)[0]
            yield np.nan_to_num(r_km, nan=0.0), None, weight
        else:
            part = replace(group, raan_rad=group.raan_rad[start:stop], arg_latitude_rad=group.arg_latitude_rad[start:stop])
            yield shell_teme_km(part, t), group.altitude_km, weight


def _look(r_km, observer, up, sun_km):
    """Elevation (deg), range (km), phase angle (rad) and lit (bool) of positions r_km (..., 3) seen from
    `observer` with local vertical `up` and the Sun at sun_km (each broadcasting to (..., 3)). Lit: the
    line to the Sun's centre misses the Earth's sphere (skyfield's is_sunlit)."""
    rho = r_km - observer
    distance_km = np.sqrt(np.sum(rho * rho, axis=-1))
    elevation_deg = np.degrees(np.arcsin(np.clip(np.sum(rho * up, axis=-1) / distance_km, -1.0, 1.0)))
    to_sun = sun_km - r_km
    to_sun = to_sun / np.sqrt(np.sum(to_sun * to_sun, axis=-1, keepdims=True))
    phase_rad = np.arccos(np.clip(-np.sum(rho * to_sun, axis=-1) / distance_km, -1.0, 1.0))
    along_km = np.sum(r_km * to_sun, axis=-1)
    hidden = (along_km < 0.0) & (np.sum(r_km * r_km, axis=-1) - along_km**2 < EARTH_RADIUS_KM**2)
    return elevation_deg, distance_km, phase_rad, ~hidden


def sky_over(constellation, where, t, params=Sky(), every=1):
    """Per time (times,): lit satellites above the horizon and above 30°, the brightest magnitude, how
    many above the horizon are brighter than SATCON-1's limit, and streaks per exposure of a field above 30°
    (Hainaut & Williams 2020 §2: density × (field + trail length × field width)). Chunked: memory bounded;
    the Sun and brightness are worked out for the satellites above the horizon only. every > 1 follows a
    seeded random 1 in `every` of each group's satellites, counts scaled (the brightest may be missed)."""
    observer, up = site_teme_km(where, t)
    sun_km = sun_teme_km(t)
    n = len(t)
    out = {key: np.zeros(n) for key in ("lit_above_horizon", "lit_above_30", "over_satcon", "streaks_per_exposure")}
    out["brightest_mag"] = np.full(n, np.inf)
    for group in constellation.groups:
        for r_km, altitude_km, weight in _chunks(group, t, every):
            sat, k = np.nonzero(np.einsum("stk,tk->st", r_km, up) > np.sum(observer * up, axis=-1))  # above the horizon
            r_km = r_km[sat, k]
            elevation_deg, distance_km, phase_rad, lit = _look(r_km, observer[k], up[k], sun_km[k])
            r_km, k, elevation_deg, distance_km, phase_rad = (x[lit] for x in (r_km, k, elevation_deg, distance_km, phase_rad))
            if altitude_km is None:
                altitude_km = np.linalg.norm(r_km, axis=-1) - EARTH_RADIUS_KM
            _tally(out, k, elevation_deg, distance_km, phase_rad, altitude_km, params, weight)
    return out


def _tally(out, k, elevation_deg, distance_km, phase_rad, altitude_km, params, weight):
    """Add lit satellites above the horizon (one entry each, at time index k, standing for `weight`
    satellites) to sky_over's sums."""
    n = len(out["brightest_mag"])
    mag = observed_magnitude(distance_km, phase_rad, elevation_deg, params)
    high = elevation_deg > 30.0
    speed_km_s = np.sqrt(MU_EARTH_KM3_S2 / (EARTH_RADIUS_KM + altitude_km))
    trail_deg = np.degrees(speed_km_s * params.exposure_s / distance_km)
    swept = (params.field_deg2 + trail_deg * np.sqrt(params.field_deg2)) / SKY_DOME_30_DEG2
    out["lit_above_horizon"] += weight * np.bincount(k, minlength=n)
    out["lit_above_30"] += weight * np.bincount(k[high], minlength=n)
    out["over_satcon"] += weight * np.bincount(k[mag < satcon_limit(altitude_km, params.satcon_magnitude)], minlength=n)
    out["streaks_per_exposure"] += weight * np.bincount(k[high], weights=swept[high], minlength=n)
    np.minimum.at(out["brightest_mag"], k, mag)


def night_sky(constellation, where, date, params=Sky(), every=1):
    """The night's sky: the series of sky_over from the end of evening to the start of morning
    astronomical twilight every params.step_s, and a summary at dusk and at the night's middle; every > 1
    follows 1 in `every` satellites (counts scaled, sky_over)."""
    dusk, dawn = night(where, date)
    ts = dusk.ts
    steps = max(2, int(np.ceil((dawn.tt - dusk.tt) * 86400.0 / params.step_s)) + 1)
    t = ts.tt_jd(np.linspace(dusk.tt, dawn.tt, steps))
    series = sky_over(constellation, where, t, params, every)
    middle = steps // 2
    seen = series["lit_above_horizon"]
    summary = {moment: {"utc": t[k].utc_iso(), "lit_above_horizon": int(seen[k]),
                        "lit_above_30": int(series["lit_above_30"][k]),
                        "brightest_mag": _finite(series["brightest_mag"][k]),
                        "share_over_satcon": float(series["over_satcon"][k] / seen[k]) if seen[k] else 0.0,
                        "streaks_per_exposure": float(series["streaks_per_exposure"][k])}
               for moment, k in (("end_of_twilight", 0), ("middle_of_night", middle))}
    return {"site": where.name, "date": date, "every": every, "dusk_utc": dusk.utc_iso(), "dawn_utc": dawn.utc_iso(),
            **summary, "night_brightest_mag": _finite(series["brightest_mag"].min()),
            "series": {"utc": [x.utc_iso() for x in t], **{k: [_finite(x) for x in v] for k, v in series.items()}}}


def _finite(value):
    return float(value) if np.isfinite(value) else None


def above_horizon_fraction(altitude_km):
    """Closed form: the share of a uniform spherical shell at altitude h above a site's horizon, (1 − R/(R+h)) / 2."""
    return (1.0 - EARTH_RADIUS_KM / (EARTH_RADIUS_KM + np.asarray(altitude_km))) / 2.0


def reentry_ledger(constellation, satellite_mass_kg, life_years, params=Reentry()):
    """The ledger (reentry_figures) of a constellation whose satellites all weigh `satellite_mass_kg`
    and last `life_years`."""
    counts = np.array([g.count for g in constellation.groups], dtype=float)
    return reentry_figures(counts, np.full(counts.shape, float(satellite_mass_kg)), life_years, params)


def casualty_area_m2(mass_kg, params=Reentry()):
    """NASA-STD-8719.14's casualty area of one re-entry of `mass_kg` (array): its surviving mass in
    fragments of params.fragment_mass_kg, each Σ (√0.36 m² + √A)², m²."""
    fragments = np.asarray(mass_kg, dtype=float) * params.surviving_fraction / params.fragment_mass_kg
    return fragments * (0.6 + np.sqrt(params.fragment_area_m2)) ** 2


def reentry_figures(satellites, mass_kg, life_years, params=Reentry()):
    """Per shell ((shells,) arrays of satellites and re-entering mass, kg) and per year, in steady state
    (fleet ÷ life): re-entries, tonnes burned, tonnes of Al2O3 (ratio of Ferreira et al. 2024) and the
    expected casualties per re-entry (casualty area × population density); for the fleet, their sums,
    the mean casualty risk per re-entry and whether a shell's is over the limit (NASA: 1 in 10,000)."""
    reentries = np.asarray(satellites, dtype=float) / life_years
    burned_t = reentries * np.asarray(mass_kg, dtype=float) / 1e3
    area_m2 = casualty_area_m2(mass_kg, params) * np.ones_like(reentries)
    risk = area_m2 * 1e-6 * params.population_per_km2
    share = reentries / reentries.sum() if reentries.sum() > 0 else np.zeros_like(reentries)
    return {"shell_reentries_per_year": reentries, "shell_burned_t_per_year": burned_t,
            "shell_alumina_t_per_year": burned_t * params.alumina_kg_per_kg,
            "shell_casualty_risk_per_reentry": risk,
            "reentries_per_year": float(reentries.sum()), "burned_t_per_year": float(burned_t.sum()),
            "alumina_t_per_year": float(burned_t.sum() * params.alumina_kg_per_kg),
            "natural_influx_low_t_per_year": params.natural_influx_low_t_per_year,
            "natural_influx_high_t_per_year": params.natural_influx_high_t_per_year,
            "natural_alumina_t_per_year": params.natural_alumina_t_per_year,
            "casualty_area_m2": float(np.sum(share * area_m2)),
            "casualty_risk_per_reentry": float(np.sum(share * risk)), "casualty_limit": params.casualty_limit,
            "over_casualty_limit": bool(np.any(risk > params.casualty_limit))}
