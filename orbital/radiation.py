"""Trapped radiation with NASA AE-8 (electrons) and AP-8 (protons), solar minimum and maximum, through
the `aep8` package (IRBEM's implementation): flux averaged along each shell's propagated orbit over a
day, the yearly fluence of >10 MeV protons and >1 MeV electrons, and a dose scaled from a sourced
reference point, flagged against the tolerances Suncatcher measured for its TPUs.

The flagged dose is scaled by the >10 MeV proton fluence alone, which ignores spectral shape, shielding
and solar particle events. Beside it, the dose behind the Radiation group's aluminium shield from the
integral spectra of both particles along the orbit (shielding.py, in the manner of SHIELDOSE-2; the
costs' failures follow it): behind 3 mm, trapped electrons still give about half of it or more. The
same spectra give the arrays' 1 MeV electron-equivalent fluence behind their cover glass (cells.py).

aep8 and astropy are imported by the functions that call them (0.5 s to import), so importing the
engine does not pay for them.
"""

from functools import lru_cache

import numpy as np

from .cells import one_mev_fluence_per_cm2_year
from .constants import JULIAN_YEAR_S
from .constellation import combine, sun_synchronous
from .memo import orbit_key, remembered
from .propagation import propagate
from .shielding import dose_rad_per_s
from .timeutil import times

# The orbit is sampled every SAMPLE_STEP_S over SAMPLE_HOURS: a day of the Earth turning under the
# orbit covers the South Atlantic Anomaly's longitudes.
SAMPLE_STEP_S = 300.0
SAMPLE_HOURS = 24.0
# Energies of the fluences, MeV: protons that penetrate shielding, and the belts' relativistic electrons.
PROTON_MEV, ELECTRON_MEV = 10.0, 1.0
FLUXES = (("protons_10mev", "p", PROTON_MEV), ("electrons_1mev", "e", ELECTRON_MEV))
# Energies (MeV) of the integral spectra the dose behind a shield is computed from (shielding.py): AP-8's
# 0.1–400 MeV and AE-8's 0.04–7 MeV.
SPECTRA = (("p", np.geomspace(0.1, 400.0, 16)), ("e", np.geomspace(0.04, 7.0, 12)))
# Aluminium thicknesses (mm) every shell's dose is also shown behind.
SHOWN_SHIELDS_MM = (1.0, 3.0, 10.0)


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
                out[f"{name}_solar_{solar}"] = orbit_mean(model, coordinates[field], energy, state)
        for particle, energies in SPECTRA:
            spectra = []
            for solar in ("min", "max"):
                model = aep8.model(particle, solar)
                field = getattr(model, "_geomag", model)
                if field not in coordinates:
                    coordinates[field] = model.geomagnetic_coordinates(location, time)
                spectra.append(np.stack([orbit_mean(model, coordinates[field], e, state) for e in energies], axis=-1))
            out[f"spectrum_{particle}"] = np.maximum(*spectra)  # the worse phase at each energy
    return out


def orbit_mean(model, coordinates, energy_mev, state):
    """Each satellite's mean integral flux (/cm²/s) above `energy_mev` over its samples of `state`."""
    import astropy.units as u

    flux = model.integral_flux_for_geomagnetic_coordinates(*coordinates, energy_mev * u.MeV)
    return np.nan_to_num(np.asarray(flux.value, dtype=float), nan=0.0).reshape(state.lat_deg.shape).mean(axis=-1)


def shell_fluxes(constellation, start):
    """mean_fluxes along the orbit of each group's first satellite for a day from `start` (ISO 8601): a
    dict of fluxes per group, and a dict of integral spectra per group (by particle, at SPECTRA's energies,
    the worse solar phase at each): a shell's satellites share its altitude and inclination. Every group's first
    satellite is propagated and looked up at once, kept for the same orbits and start (memo.remembered)."""
    firsts = constellation.subset(constellation.offsets[:-1])
    fluxes = remembered("trapped-fluxes", lambda: mean_fluxes(
        propagate(firsts, times(start, hours=SAMPLE_HOURS, step_s=SAMPLE_STEP_S)), start), orbit_key(firsts), start)
    return [{key: float(values[g]) for key, values in fluxes.items() if not key.startswith("spectrum")}
            for g in range(len(constellation.groups))], [
        {particle: fluxes[f"spectrum_{particle}"][g] for particle, _ in SPECTRA} for g in range(len(constellation.groups))]


@lru_cache(maxsize=8)
def reference_orbit(altitude_km, start):
    """(fluxes, spectra) of the orbit a dose and the arrays' flat degradation are scaled from: dawn–dusk
    sun-synchronous at `altitude_km` (shell_fluxes)."""
    fluxes, spectra = shell_fluxes(combine(sun_synchronous(altitude_km, 18.0, 1, 1, 0), name="reference"), start)
    return fluxes[0], spectra[0]


def reference_fluxes(altitude_km, start):
    """The fluxes of the reference orbit (reference_orbit)."""
    return reference_orbit(altitude_km, start)[0]


def array_fluence(spectra, array):
    """1 MeV electron-equivalent fluence a year (/cm²) behind the array's cover glass from a shell's
    `spectra` (shell_fluxes), by particle and in total (cells.one_mev_fluence_per_cm2_year)."""
    return one_mev_fluence_per_cm2_year({particle: (energies, spectra[particle]) for particle, energies in SPECTRA},
                                        array, JULIAN_YEAR_S)


def shell_radiation(flux, spectra, start, radiation, lifetime_years):
    """One shell's trapped radiation from its `flux` and `spectra` (shell_fluxes): fluxes, yearly fluences
    (/cm²); the dose over the life behind the Radiation group's shield and its low and high ends
    (shielding.py, protons and electrons, krad(Si) by thickness in mm), which is the shell's dose
    (`dose_krad_over_life`) and is flagged against Suncatcher's measured tolerances; and, as the check on
    it, Suncatcher's reference dose scaled by the >10 MeV proton fluence (krad(Si), the worse of solar
    minimum and maximum)."""
    reference = reference_fluxes(radiation.reference_altitude_km, start)

    def protons(fluxes):
        return max(fluxes["protons_10mev_solar_min"], fluxes["protons_10mev_solar_max"])

    shielded = shield_doses(spectra, radiation, lifetime_years)
    dose_krad = shielded["proton_dose_krad"] + shielded["electron_dose_krad"]
    if dose_krad < radiation.memory_errors_krad:
        flag = "within: below where Suncatcher saw memory (HBM) errors"
    elif dose_krad <= radiation.tested_krad:
        flag = "memory (HBM) errors expected; within what Suncatcher tested"
    else:
        flag = "beyond what Suncatcher tested"
    return {"flux_per_cm2_s": flux,
            "fluence_per_cm2_year": {key: value * JULIAN_YEAR_S for key, value in flux.items()},
            "proton_ratio_to_reference": protons(flux) / protons(reference),
            "scaled_dose_krad": (radiation.reference_dose_rad / 1000.0 * protons(flux) / protons(reference)
                                 * lifetime_years / radiation.reference_years),
            "dose_krad_over_life": dose_krad, "flag": flag, **shielded}


def shield_doses(spectra, radiation, lifetime_years):
    """The dose over the life (krad(Si)) behind the Radiation group's shield (shielding.dose_rad_per_s) by
    particle, and the total behind each of SHOWN_SHIELDS_MM (keyed '1', '3', '10')."""
    thickness_mm = np.array([radiation.shield_mm, *SHOWN_SHIELDS_MM])
    krad = lifetime_years * JULIAN_YEAR_S / 1000.0
    by = {particle: dose_rad_per_s(energies, spectra[particle], thickness_mm, particle) * krad
          for particle, energies in SPECTRA}
    return {"shield_mm": float(radiation.shield_mm), "proton_dose_krad": float(by["p"][0]),
            "electron_dose_krad": float(by["e"][0]),
            "shield_dose_krad": {f"{mm:g}": float(by["p"][k + 1] + by["e"][k + 1])
                                 for k, mm in enumerate(SHOWN_SHIELDS_MM)}}
