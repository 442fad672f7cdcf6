"""Solar cells' displacement damage from trapped protons and electrons, by the JPL method (EQFLUX, Anspaugh's
GaAs Solar Cell Radiation Handbook, JPL Publication 96-9): the orbit's integral spectra weighted by the
relative damage coefficients of GaAs/Ge cells' maximum power behind a cover glass
(orbital/data/gaas_damage_coefficients.csv: omnidirectional fluence, infinite back shielding) give a
1 MeV electron-equivalent fluence, electrons directly and protons as 10 MeV protons times a
proton-to-electron damage ratio; the power left follows P/P0 = 1 − C log10(1 + Φ/Φx) (the handbooks'
degradation equation). GaAs/Ge stands in for the GaInP/GaAs/Ge triple junction, whose GaAs middle cell
limits its current. Units in names; energies MeV, fluences per cm².
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE_PATH = Path(__file__).parent / "data" / "gaas_damage_coefficients.csv"
# Cover glass thicknesses of the table's columns, mil, and a mil in µm.
TABLE_MIL = np.array([0.0, 1.0, 3.0, 6.0, 12.0, 20.0, 30.0, 60.0])
UM_PER_MIL = 25.4
# Points of the spectra's integration (log-spaced, as shielding.py).
SPECTRUM_POINTS = 400


@lru_cache(maxsize=1)
def damage_table():
    """{'e'|'p': (energies MeV (n,), normal incidence (n,), coefficients (n, len(TABLE_MIL)))} from TABLE_PATH."""
    rows = [line.split(",") for line in TABLE_PATH.read_text().splitlines()
            if line and not line.startswith(("#", "particle"))]
    table = {particle: np.array([[float(v) for v in r[1:]] for r in rows if r[0] == particle]) for particle in ("e", "p")}
    return {particle: (values[:, 0], values[:, 1], values[:, 2:]) for particle, values in table.items()}


@lru_cache(maxsize=16)
def damage_column(particle, cover_glass_um):
    """(energies MeV, log coefficients) of `particle` behind `cover_glass_um`, linear in thickness between the
    table's columns; energies where the glass stops the particle left out."""
    energy, _, table = damage_table()[particle]
    column = np.array([np.interp(cover_glass_um / UM_PER_MIL, TABLE_MIL, row) for row in table])
    return energy[column > 0.0], np.log(column[column > 0.0])


def damage_coefficients(particle, energies_mev, cover_glass_um):
    """Relative damage coefficients of `particle` ('e': per 1 MeV electron, 'p': per 10 MeV proton) at
    `energies_mev` (array) behind `cover_glass_um` of cover glass: log–log in energy, 0 below the lowest
    energy that reaches the cell, held at the table's last value above its top energy."""
    energy, logs = damage_column(particle, float(cover_glass_um))
    return np.exp(np.interp(np.log(energies_mev), np.log(energy), logs, left=-np.inf))


def equivalent_flux_per_cm2_s(energies_mev, integral_flux_per_cm2_s, particle, cover_glass_um):
    """1 MeV electron-equivalent flux (electrons) or 10 MeV proton-equivalent flux (protons), /cm²/s, of an
    isotropic integral spectrum (/cm²/s above each of `energies_mev`, ascending; log–log between them)."""
    fine = np.geomspace(energies_mev[0], energies_mev[-1], SPECTRUM_POINTS)
    above = np.exp(np.interp(np.log(fine), np.log(energies_mev), np.log(np.maximum(integral_flux_per_cm2_s, 1e-30))))
    flux, middle = above[:-1] - above[1:], np.sqrt(fine[:-1] * fine[1:])
    return float(np.sum(flux * damage_coefficients(particle, middle, cover_glass_um)))


def one_mev_fluence_per_cm2_year(spectra, array, seconds_per_year):
    """1 MeV electron-equivalent fluence a year behind the array's cover glass from `spectra`
    ({'e'|'p': (energies MeV, integral flux /cm²/s)}), electrons and protons → dict."""
    electrons = equivalent_flux_per_cm2_s(*spectra["e"], "e", array.cover_glass_um) * seconds_per_year
    protons = (equivalent_flux_per_cm2_s(*spectra["p"], "p", array.cover_glass_um) * seconds_per_year
               * array.proton_to_electron_damage)
    return {"electrons": electrons, "protons": protons, "total": electrons + protons}


def remaining_power_factor(fluence_per_cm2, array):
    """Maximum power left after a 1 MeV electron-equivalent `fluence_per_cm2` (array or scalar),
    1 − C log10(1 + Φ/Φx) with the array's C and Φx, floored at 0."""
    return np.maximum(1.0 - array.damage_c * np.log10(1.0 + np.asarray(fluence_per_cm2, dtype=float)
                                                      / array.damage_fluence_x_per_cm2), 0.0)


def end_of_life_factor(fluence_per_cm2_year, reference_per_cm2_year, array, lifetime_years):
    """Each shell's array power at the end of life relative to the evaluation point (array.age_years):
    the flat rate's part that is not trapped-particle damage, (1 − degradation_per_year) per year divided
    by the reference orbit's remaining factor, times the shell's own remaining factor over the same years
    (`fluence_per_cm2_year` (shells,) and `reference_per_cm2_year`: 1 MeV electron-equivalent a year).
    The reference orbit thus keeps the flat rate; with radiation_damage 'flat' every shell does."""
    fluence = np.asarray(fluence_per_cm2_year, dtype=float)
    years, age = max(lifetime_years - array.age_years, 0.0), array.age_years
    flat = (1.0 - array.degradation_per_year) ** years
    if array.radiation_damage == "flat":
        return np.full(fluence.shape, flat)

    def aged(per_year):
        return remaining_power_factor(per_year * (age + years), array) / remaining_power_factor(per_year * age, array)
    return flat / aged(reference_per_cm2_year) * aged(fluence)
