"""Trapped radiation with NASA AE-8 (electrons) and AP-8 (protons), solar minimum and maximum, through
the `aep8` package (IRBEM's implementation): flux averaged along each shell's propagated orbit over a
day, the yearly fluence of >10 MeV protons and >1 MeV electrons, and a dose scaled from a sourced
reference point, flagged against the tolerances Suncatcher measured for its TPUs.

The dose is scaled by the >10 MeV proton fluence alone: behind the few millimetres of shielding a
satellite carries, protons of tens of MeV deliver most of the dose in low orbit while trapped
electrons are stopped. The scaling ignores spectral shape, shielding geometry and solar particle events.

aep8 and astropy are imported by the functions that call them (0.5 s to import), so importing the
engine does not pay for them.
"""

from functools import lru_cache

import numpy as np

from .constants import JULIAN_YEAR_S
from .constellation import combine, sun_synchronous
from .memo import orbit_key, remembered
from .propagation import propagate
from .timeutil import times

# The orbit is sampled every SAMPLE_STEP_S over SAMPLE_HOURS: a day of the Earth turning under the
# orbit covers the South Atlantic Anomaly's longitudes.
SAMPLE_STEP_S = 300.0
SAMPLE_HOURS = 24.0
# Energies of the fluences, MeV: protons that penetrate shielding, and the belts' relativistic electrons.
PROTON_MEV, ELECTRON_MEV = 10.0, 1.0
FLUXES = (("protons_10mev", "p", PROTON_MEV), ("electrons_1mev", "e", ELECTRON_MEV))


def _locate(lat_deg, lon_deg, alt_km):
    import astropy.units as u
    from astropy.coordinates import EarthLocation

    return EarthLocation.from_geodetic(np.asarray(lon_deg) * u.deg, np.asarray(lat_deg) * u.deg,
                                       np.asarray(alt_km) * u.km)


def _offline():
    """Astropy never fetches Earth-orientation tables here; outside the belts the model gives NaN."""
    from astropy.utils import iers

    return iers.conf.set_temp("auto_download", False)


def trapped_flux(particle, solar, lat_deg, lon_deg, alt_km, energy_mev, when, kind="integral"):
    """AE-8 (`particle` 'e') or AP-8 ('p') flux at solar `solar` ('min' or 'max') at geodetic points
    (arrays) at time `when` (ISO 8601), for `energy_mev`: integral (above it, /cm²/s) or differential
    (/cm²/s/MeV); 0 where the model has no trapped particles."""
    import aep8
    import astropy.units as u
    from astropy.time import Time

    model = aep8.model(particle, solar)
    compute = model.integral_flux if kind == "integral" else model.differential_flux
    with _offline(), np.errstate(invalid="ignore"):
        flux = compute(_locate(lat_deg, lon_deg, alt_km), Time(when, scale="utc"), energy_mev * u.MeV).value
    return np.nan_to_num(np.asarray(flux, dtype=float), nan=0.0)


def mean_fluxes(state, when):
    """Each satellite's mean fluxes (/cm²/s) over its samples of a propagated State ((satellites,) arrays):
    >10 MeV protons and >1 MeV electrons, at solar minimum and maximum. Models that share a field model
    share its coordinates (McIlwain L and B/B0 are computed once for each field), as trapped_flux would
    give them."""
    import aep8
    import astropy.units as u
    from astropy.time import Time

    location = _locate(state.lat_deg.ravel(), state.lon_deg.ravel(), state.alt_km.ravel())
    time = Time(when, scale="utc")
    coordinates = {}
    out = {}
    with _offline(), np.errstate(invalid="ignore"):
        for name, particle, energy in FLUXES:
            for solar in ("min", "max"):
                model = aep8.model(particle, solar)
                field = getattr(model, "_geomag", model)  # aep8's field model; each model its own if unnamed
                if field not in coordinates:
                    coordinates[field] = model.geomagnetic_coordinates(location, time)
                flux = model.integral_flux_for_geomagnetic_coordinates(*coordinates[field], energy * u.MeV)
                out[f"{name}_solar_{solar}"] = np.nan_to_num(np.asarray(flux.value, dtype=float), nan=0.0).reshape(
                    state.lat_deg.shape).mean(axis=-1)
    return out


def shell_fluxes(constellation, start):
    """mean_fluxes along the orbit of each group's first satellite for a day from `start` (ISO 8601), a
    dict per group: a shell's satellites share its altitude and inclination. Every group's first
    satellite is propagated and looked up at once, kept for the same orbits and start (memo.remembered)."""
    firsts = constellation.subset(constellation.offsets[:-1])
    fluxes = remembered("trapped-fluxes", lambda: mean_fluxes(
        propagate(firsts, times(start, hours=SAMPLE_HOURS, step_s=SAMPLE_STEP_S)), start), orbit_key(firsts), start)
    return [{key: float(values[g]) for key, values in fluxes.items()} for g in range(len(constellation.groups))]


@lru_cache(maxsize=8)
def reference_fluxes(altitude_km, start):
    """The fluxes of the orbit a dose is scaled from: dawn–dusk sun-synchronous at `altitude_km`."""
    return shell_fluxes(combine(sun_synchronous(altitude_km, 18.0, 1, 1, 0), name="reference"), start)[0]


def shell_radiation(flux, start, radiation, lifetime_years):
    """One shell's trapped radiation from its `flux` (a shell_fluxes dict): fluxes, yearly fluences (/cm²),
    the dose over the satellite's life scaled from the Radiation group's reference point by the >10 MeV
    proton fluence (krad(Si), at the worse of solar minimum and maximum), and a flag against Suncatcher's
    measured tolerances."""
    reference = reference_fluxes(radiation.reference_altitude_km, start)

    def protons(fluxes):
        return max(fluxes["protons_10mev_solar_min"], fluxes["protons_10mev_solar_max"])

    dose_krad = (radiation.reference_dose_rad / 1000.0 * protons(flux) / protons(reference)
                 * lifetime_years / radiation.reference_years)
    if dose_krad < radiation.memory_errors_krad:
        flag = "within: below where Suncatcher saw memory (HBM) errors"
    elif dose_krad <= radiation.tested_krad:
        flag = "memory (HBM) errors expected; within what Suncatcher tested"
    else:
        flag = "beyond what Suncatcher tested"
    return {"flux_per_cm2_s": flux,
            "fluence_per_cm2_year": {key: value * JULIAN_YEAR_S for key, value in flux.items()},
            "proton_ratio_to_reference": protons(flux) / protons(reference),
            "dose_krad_over_life": dose_krad, "flag": flag}
