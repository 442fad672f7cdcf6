"""Dose behind aluminium as a function of its thickness, in the manner of SHIELDOSE-2 (Seltzer 1980, 1994):
at the centre of a solid aluminium sphere of radius t (every direction crosses t), in a small silicon
detector, from an isotropic fluence of trapped protons and electrons of given integral spectra. A
fluence φ of particles of energy E deposits φ S(E) (S the mass stopping power, MeV cm²/g).

- Protons slow down continuously: the CSDA range R(E) = ∫ dE / S in aluminium from the Bethe stopping
  power (I = 166 eV); a proton of E leaves the shield with E' such that R(E') = R(E) − t and deposits
  S(E') in silicon (I = 173 eV). Below 0.5 MeV S is held at its 0.5 MeV value, where Bethe fails; protons
  that stop in the detector add little (the dose per unit of residual energy is j(E) S(E) whatever S(E')).
- Electrons scatter out of a straight path: their penetration is the practical range of Katz & Penfold
  (Rev. Mod. Phys. 24, 28, 1952), R = 0.412 E^(1.265 − 0.0954 ln E) g/cm² up to 2.5 MeV and 0.530 E − 0.106
  above, used as the range–energy relation, and they deposit the collision stopping power in silicon
  (Rohrlich–Carlson as in ICRU 37, no density effect). Bremsstrahlung is left out (1–2 % of SHIELDOSE-2's
  total at 550 km behind 0.5–20 mm).
Checked against SHIELDOSE-2 as SPENVIS runs it (tests/test_radiation.py). Units in names; energies MeV.
"""

from functools import lru_cache

import numpy as np

# Aluminium's density, g/cm³.
ALUMINIUM_G_CM3 = 2.70
# (Z/A, mean excitation energy MeV) of aluminium and silicon (ICRU 37/49).
ALUMINIUM = (13.0 / 26.98, 166e-6)
SILICON = (14.0 / 28.09, 173e-6)
# Bethe's constant 4π N_A r_e² m_e c², MeV cm²/mol; electron and proton rest energies, MeV.
K_MEV_CM2_MOL = 0.307075
ELECTRON_MEV = 0.51099895
PROTON_MEV = 938.272
# Below these energies (MeV) the stopping-power formulas are held at their value there.
PROTON_FLOOR_MEV, ELECTRON_FLOOR_MEV = 0.5, 0.01
# One MeV per gram in rad: 1.602e-13 J / 1e-3 kg = 1.602e-10 Gy.
RAD_PER_MEV_G = 1.602176634e-8
# Points of the range tables and of the spectra's integration.
TABLE_POINTS, SPECTRUM_POINTS = 1000, 400


def proton_stopping_mev_cm2_g(energy_mev, material=SILICON):
    """Bethe's mass stopping power of protons of `energy_mev` (array) in `material` (Z/A, I in MeV)."""
    z_over_a, excitation_mev = material
    gamma = 1.0 + np.maximum(energy_mev, PROTON_FLOOR_MEV) / PROTON_MEV
    beta2 = 1.0 - 1.0 / gamma ** 2
    return K_MEV_CM2_MOL * z_over_a / beta2 * (np.log(2.0 * ELECTRON_MEV * beta2 * gamma ** 2 / excitation_mev) - beta2)


def electron_stopping_mev_cm2_g(energy_mev, material=SILICON):
    """Collision mass stopping power of electrons of `energy_mev` (array) in `material` (Rohrlich–Carlson)."""
    z_over_a, excitation_mev = material
    tau = np.maximum(energy_mev, ELECTRON_FLOOR_MEV) / ELECTRON_MEV
    beta2 = 1.0 - 1.0 / (tau + 1.0) ** 2
    f = 1.0 - beta2 + (tau ** 2 / 8.0 - (2.0 * tau + 1.0) * np.log(2.0)) / (tau + 1.0) ** 2
    return K_MEV_CM2_MOL / 2.0 * z_over_a / beta2 * (
        np.log(tau ** 2 * (tau + 2.0) / 2.0 / (excitation_mev / ELECTRON_MEV) ** 2) + f)


@lru_cache(maxsize=4)
def range_table(particle, top_mev):
    """(energies MeV, ranges g/cm² in aluminium) up to `top_mev`: protons' CSDA range, electrons' practical range."""
    energy = np.geomspace(1e-3, top_mev * 1.01, TABLE_POINTS)
    if particle == "e":
        return energy, np.where(energy <= 2.5, 0.412 * energy ** (1.265 - 0.0954 * np.log(energy)),
                                0.530 * energy - 0.106)
    inverse = 1.0 / proton_stopping_mev_cm2_g(energy, ALUMINIUM)
    return energy, np.concatenate([[0.0], np.cumsum(np.diff(energy) * (inverse[1:] + inverse[:-1]) / 2.0)])


def dose_rad_per_s(energies_mev, integral_flux_per_cm2_s, thickness_mm, particle):
    """Dose rate (rad(Si)/s) at the centre of aluminium spheres `thickness_mm` (array) thick from an isotropic
    fluence whose integral spectrum (/cm²/s above each of `energies_mev`, ascending) is given; `particle`
    'p' or 'e'. The spectrum is interpolated log–log between its energies → shape of thickness_mm."""
    fine = np.geomspace(energies_mev[0], energies_mev[-1], SPECTRUM_POINTS)
    above = np.exp(np.interp(np.log(fine), np.log(energies_mev), np.log(np.maximum(integral_flux_per_cm2_s, 1e-30))))
    fluence, middle = above[:-1] - above[1:], np.sqrt(fine[:-1] * fine[1:])
    energy, ranges = range_table(particle, float(energies_mev[-1]))
    stopping = electron_stopping_mev_cm2_g if particle == "e" else proton_stopping_mev_cm2_g
    left = np.interp(middle, energy, ranges)[None, :] - np.atleast_1d(thickness_mm)[:, None] / 10.0 * ALUMINIUM_G_CM3
    residual = np.interp(np.maximum(left, 0.0), ranges, energy)
    deposited = np.where(left > 0.0, fluence * stopping(residual), 0.0).sum(axis=1)
    return (deposited * RAD_PER_MEV_G).reshape(np.shape(thickness_mm))
