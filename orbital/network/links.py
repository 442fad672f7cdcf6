"""Optical inter-satellite link budget: rate (bit/s) against distance from parameters.OpticalLink."""

import numpy as np

from ..parameters import OpticalLink

PLANCK_J_S = 6.62607015e-34
LIGHT_SPEED_M_S = 299792458.0


def coupling(distance_km, link=OpticalLink()):
    """Diffraction coupling (π D_t D_r / 4 λ d)² of two equal apertures at `distance_km` (array): the
    received share of transmitted power in the far field, and about the number of spatial modes the link
    can carry where it exceeds 1 (Fresnel number squared)."""
    d_m = np.asarray(distance_km, dtype=float) * 1e3
    return (np.pi * link.aperture_m**2 / (4.0 * link.wavelength_m * d_m)) ** 2


def spatial_channels(distance_km, link=OpticalLink()):
    """Independent spatial channels (apertures or modes) a link can use at `distance_km`: floor of the
    coupling, between 1 and link.spatial_channels_max."""
    return np.clip(np.floor(coupling(distance_km, link)), 1.0, link.spatial_channels_max)


def rate_bps(distance_km, link=OpticalLink()):
    """Data rate each way (bit/s) of a link at `distance_km` (array, same shape): per spatial channel the
    lesser of its transceiver's DWDM rate and its photon-limited rate (received power ÷ photon energy ÷
    photons per bit), times the spatial channels; 0 beyond link.range_max_km."""
    distance_km = np.asarray(distance_km, dtype=float)
    received_w = (link.transmit_power_w * link.optics_efficiency * link.pointing_loss
                  * np.minimum(coupling(distance_km, link), 1.0))
    photon_j = PLANCK_J_S * LIGHT_SPEED_M_S / link.wavelength_m
    photon_limited_bps = received_w / (photon_j * link.photons_per_bit)
    per_channel_bps = np.minimum(photon_limited_bps, link.channels * link.channel_rate_bps)
    rate = per_channel_bps * spatial_channels(distance_km, link)
    return np.where(distance_km <= link.range_max_km, rate, 0.0)
