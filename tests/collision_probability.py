"""Reference collision probabilities for a general (non-isotropic) encounter, against which the engine's
closed form (orbital.traffic.pc_circular) is checked: the encounter plane of two states with their
covariances, Foster's integral and Chan's series. The engine uses the isotropic closed form only."""

import math

import numpy as np


def encounter_plane(r1_km, v1_km_s, cov1_km2, r2_km, v2_km_s, cov2_km2):
    """The encounter plane of a short-term encounter at closest approach: its 2-D miss vector (km) and
    the combined position covariance projected on it (km²), axes along the miss and across it."""
    r = np.asarray(r2_km, float) - np.asarray(r1_km, float)
    v = np.asarray(v2_km_s, float) - np.asarray(v1_km_s, float)
    along = v / np.linalg.norm(v)
    x = r - (r @ along) * along
    x = x / np.linalg.norm(x)
    y = np.cross(along, x)
    basis = np.stack([x, y])
    combined = np.asarray(cov1_km2, float) + np.asarray(cov2_km2, float)
    return basis @ r, basis @ combined @ basis.T


# Gauss–Legendre nodes of Foster's integral over the hard-body disc (radius × angle).
FOSTER_NODES = 64


def pc_foster(miss_2d_km, cov_2d_km2, hard_body_radius_km):
    """Foster's 2-D collision probability: the Gaussian of covariance `cov_2d_km2` centred on the miss
    vector `miss_2d_km`, integrated over the hard-body disc of radius `hard_body_radius_km` by
    Gauss–Legendre quadrature in polar coordinates."""
    nodes, weights = np.polynomial.legendre.leggauss(FOSTER_NODES)
    radius = (nodes + 1.0) / 2.0 * hard_body_radius_km
    angle = (nodes + 1.0) * np.pi
    rr, aa = np.meshgrid(radius, angle, indexing="ij")
    points = np.stack([rr * np.cos(aa), rr * np.sin(aa)], axis=-1) - np.asarray(miss_2d_km, float)
    inverse = np.linalg.inv(cov_2d_km2)
    density = np.exp(-0.5 * np.einsum("...i,ij,...j->...", points, inverse, points)) / (
        2.0 * np.pi * math.sqrt(np.linalg.det(cov_2d_km2)))
    area = np.outer(weights * hard_body_radius_km / 2.0, weights * np.pi)
    return float(np.sum(density * rr * area))


def pc_chan(miss_2d_km, cov_2d_km2, hard_body_radius_km, terms=40):
    """Chan's series for the 2-D collision probability (Chan 1997, 2008): the covariance's principal
    axes, the hard-body circle replaced by an ellipse of equal area (u = R²/(σx σy), v = x²/σx² +
    y²/σy²); Pc = e^(−v/2) Σ_k (v/2)^k/k! [1 − e^(−u/2) Σ_{j≤k} (u/2)^j/j!]."""
    values, vectors = np.linalg.eigh(cov_2d_km2)
    x, y = vectors.T @ np.asarray(miss_2d_km, float)
    u = hard_body_radius_km ** 2 / math.sqrt(values[0] * values[1])
    v = x ** 2 / values[0] + y ** 2 / values[1]
    total, inner = 0.0, 0.0
    for k in range(terms):
        inner += math.exp(-u / 2.0) * (u / 2.0) ** k / math.factorial(k)
        total += (v / 2.0) ** k / math.factorial(k) * (1.0 - inner)
    return math.exp(-v / 2.0) * total
