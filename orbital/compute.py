"""Compute from power: accelerators per satellite from the array's rating, PFLOP/s from delivered power."""

from dataclasses import dataclass

import numpy as np

from .errors import OrbitalError


@dataclass(frozen=True)
class Accelerator:
    """An accelerator as data: board power, dense BF16 throughput, system overhead at full load."""

    name: str
    power_w: float
    bf16_tflops: float
    # Whole-system power ÷ accelerator power (CPUs, memory, network, conversion).
    system_overhead: float

    @property
    def system_power_w(self):
        return self.power_w * self.system_overhead


ACCELERATORS = {
    # NVIDIA H100 SXM datasheet: 700 W, 989 TFLOPS dense BF16; DGX H100: 10.2 kW for 8 × 700 W → 1.82× (derived).
    "H100": Accelerator("NVIDIA H100 SXM", 700.0, 989.0, 1.82),
    # NVIDIA B200 (secondary): up to 1,000 W, ~2,250 TFLOPS dense BF16; GB200 NVL72 ~120 kW / 72 GPUs → ~1.39× (derived).
    "B200": Accelerator("NVIDIA B200", 1000.0, 2250.0, 1.39),
    # Google TPU v6e (Trillium), Cloud docs: 918 TFLOPS BF16. Chip power unpublished: assume 400 W, overhead 1.5.
    "TPU v6e": Accelerator("Google TPU v6e", 400.0, 918.0, 1.5),
    # Google TPU7x (Ironwood), Cloud docs: 2,307 TFLOPS BF16. Chip power unpublished: assume 1,000 W, overhead 1.5.
    "TPU7x": Accelerator("Google TPU7x", 1000.0, 2307.0, 1.5),
}

# Bus (attitude control, avionics, communications, thermal pumps) as a share of array rating:
# assumption, in line with Suncatcher's bus estimates (arXiv:2511.19468 §4.4) of a few kW per ~28 kW.
BUS_LOAD_FRACTION = 0.10


def accelerator(name):
    """The Accelerator called `name` (a key of ACCELERATORS)."""
    try:
        return ACCELERATORS[name]
    except KeyError:
        raise OrbitalError(f"accelerator: {name!r} is unknown; choose one of {', '.join(ACCELERATORS)}") from None


def accelerators_per_satellite(rated_power_w, chip, bus_load_fraction=BUS_LOAD_FRACTION):
    """Whole accelerators that the array's full-sun rating (W) powers after the bus load."""
    return np.floor(np.asarray(rated_power_w) * (1.0 - bus_load_fraction) / chip.system_power_w)


def delivered_pflops(power_w, rated_power_w, count, chip, bus_load_fraction=BUS_LOAD_FRACTION):
    """PFLOP/s delivered (satellites, times) when compute throttles with the available power.

    The bus takes a fixed `bus_load_fraction` of the full-sun rating; what is left runs as many
    of the `count` accelerators as it can (fractionally, as a power-capped cluster would). In
    eclipse, with no battery for compute, it stops.
    """
    usable_w = np.maximum(np.nan_to_num(power_w) - bus_load_fraction * np.asarray(rated_power_w)[..., None], 0.0)
    running = np.minimum(usable_w / chip.system_power_w, np.asarray(count, dtype=float)[..., None])
    return running * chip.bf16_tflops / 1000.0
