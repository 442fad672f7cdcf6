"""Compute from power: accelerators per satellite from its power budget, PFLOP/s delivered over time,
and the sustained load and battery that carry compute through eclipse."""

from dataclasses import dataclass

import numpy as np

from .errors import OrbitalError


@dataclass(frozen=True)
class Accelerator:
    """An accelerator as data: board power, dense BF16 throughput (peak, or scaled by a utilisation),
    system overhead at full load, and where each figure comes from."""

    name: str
    power_w: float
    bf16_tflops: float
    # Whole-system power ÷ accelerator power (CPUs, memory, network, conversion).
    system_overhead: float
    # Source of each figure: {field name: text}.
    sources: tuple = ()

    @property
    def system_power_w(self):
        return self.power_w * self.system_overhead

    @property
    def bf16_pflops(self):
        """Dense BF16 throughput, PFLOP/s."""
        return self.bf16_tflops / 1000.0

    @property
    def energy_j_per_pflop(self):
        """System energy per PFLOP at full load, J."""
        return self.system_power_w / self.bf16_pflops


def sourced(power, throughput, overhead):
    """The sources tuple of an Accelerator: (field, text) for power_w, bf16_tflops and system_overhead."""
    return (("power_w", power), ("bf16_tflops", throughput), ("system_overhead", overhead))


ACCELERATORS = {
    "H100": Accelerator("NVIDIA H100 SXM", 700.0, 989.0, 1.82, sourced(
        "NVIDIA H100 SXM datasheet", "NVIDIA H100 SXM datasheet, dense (no sparsity)",
        "DGX H100: 10.2 kW for 8 × 700 W GPUs (NVIDIA; derived)")),
    # System power from the B200's own system, as H100's from DGX H100: DGX B200 ~14.3 kW for 8 × 1,000 W
    # GPUs = 1,787.5 W a GPU. (GB200 NVL72's 120 kW ÷ 72 = 1,667 W belongs to GB200's 1,200 W GPU, ×1.39.)
    "B200": Accelerator("NVIDIA B200", 1000.0, 2250.0, 1.7875, sourced(
        "NVIDIA, up to 1,000 W (secondary)", "NVIDIA, ~2,250 TFLOPS dense FP16/BF16 (secondary)",
        "DGX B200: ~14.3 kW max for 8 × 1,000 W GPUs (NVIDIA DGX B200 datasheet; derived)")),
    "TPU v6e": Accelerator("Google TPU v6e", 400.0, 918.0, 1.5, sourced(
        "assumption: chip power unpublished", "Google Cloud docs, Trillium", "assumption")),
    "TPU7x": Accelerator("Google TPU7x", 1000.0, 2307.0, 1.5, sourced(
        "assumption: chip power unpublished", "Google Cloud docs, Ironwood", "assumption")),
}


def throughput_label(utilisation):
    """What a PFLOP/s figure is: 'peak dense BF16', or dense BF16 at a utilisation of its peak."""
    return "peak dense BF16" if utilisation == 1 else f"dense BF16 at {utilisation:.0%} of peak"


def accelerator(name):
    """The Accelerator called `name` (a key of ACCELERATORS)."""
    try:
        return ACCELERATORS[name]
    except KeyError:
        raise OrbitalError(f"accelerator: {name!r} is unknown; choose one of {', '.join(ACCELERATORS)}",
                           parameter="accelerator") from None


def accelerators_per_satellite(compute_budget_w, chip):
    """Whole accelerators (as float array) whose system power fits in `compute_budget_w`."""
    return np.floor(np.maximum(np.asarray(compute_budget_w, dtype=float), 0.0) / chip.system_power_w)


def delivered_pflops(power_w, bus_w, count, chip):
    """PFLOP/s delivered (satellites, times) when compute throttles with the array's power.

    The bus takes `bus_w` first; what is left runs as many of the `count` accelerators as it can
    (fractionally, as a power-capped cluster would); in eclipse compute stops.
    """
    usable_w = np.maximum(np.nan_to_num(power_w) - bus_w, 0.0)
    running = np.minimum(usable_w / chip.system_power_w, np.asarray(count, dtype=float)[..., None])
    return running * chip.bf16_pflops


def sustained_load_w(orbit_mean_power_w, sunlit_fraction, round_trip_efficiency):
    """Constant load (W) an array can carry day and night, storing eclipse energy in a battery.

    Energy balance over an orbit: P̄ = L f + L (1 − f) / η, with P̄ the orbit-mean array power,
    f the sunlit fraction and η the battery's round-trip efficiency.
    """
    f = np.asarray(sunlit_fraction, dtype=float)
    return np.asarray(orbit_mean_power_w, dtype=float) / (f + (1.0 - f) / round_trip_efficiency)


def battery_mass_kg(load_w, eclipse_s, battery):
    """Battery mass (kg) that carries `load_w` through an eclipse of `eclipse_s` at its depth of discharge."""
    energy_wh = np.asarray(load_w) * np.asarray(eclipse_s) / 3600.0 / battery.depth_of_discharge
    return energy_wh / battery.specific_energy_wh_per_kg
