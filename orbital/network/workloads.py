"""Workloads by what they move, and the network factor of the delivered-compute waterfall: the share of
installed compute a workload can use, min(1, what the network carries ÷ what the workload needs)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Workload:
    """A workload's traffic: bits between chips per FLOP (training's all-reduce), bits out to Earth per
    FLOP, and the round-trip time it tolerates (s)."""

    name: str
    interchip_bits_per_flop: float
    downlink_bits_per_flop: float
    rtt_max_s: float
    source: str


WORKLOADS = (
    Workload("training", 1.1e-4, 1e-15, 60.0,
             "a pod's bisection per FLOP: TPU v6e, 256 chips × 918 TFLOP/s bf16 with 25.6 Tb/s bisection "
             "(Google Cloud TPU v6e documentation, secondary via issue 25) ≈ 1.1e-4 bit/FLOP; NVL72: "
             "130 TB/s NVLink over 72 × 2.5 PFLOP/s ≈ 5.8e-3 bit/FLOP (NVIDIA GB200 NVL72 datasheet)"),
    Workload("text inference", 0.0, 1e-12, 0.2,
             "~16 bits per output token at ~2 × 70e9 FLOP per token ≈ 1e-10; spacedc-mdao's text "
             "intensity 1e-12 bit/FLOP with prompts cached (github jman4162/spacedc-mdao, workload catalogue)"),
    Workload("rich-output inference", 0.0, 1e-9, 0.5,
             "images, embeddings, artifacts: ~1 MB per 1e16 FLOP image ≈ 1e-9 bit/FLOP (derived; spacedc-mdao "
             "rich-output case, secondary)"),
    Workload("batch", 0.0, 1e-14, 3600.0,
             "offline jobs returning summaries (assumption: 100× less out than text inference per FLOP)"),
)


def network_factor(compute_flop_s, downlink_bps, interchip_bps=float("inf"), rtt_s=0.0, *,
                   workload=WORKLOADS[1]):
    """Share 0..1 of installed compute `compute_flop_s` that `workload` can use given the fleet's downlink
    (bit/s), the bisection bandwidth of the cluster it runs on (bit/s) and the round-trip time to users (s):
    0 if the RTT is over its limit, else min(1, carried ÷ needed) over downlink and inter-chip traffic."""
    if rtt_s > workload.rtt_max_s:
        return 0.0
    factor = 1.0
    for carried, per_flop in ((downlink_bps, workload.downlink_bits_per_flop),
                              (interchip_bps, workload.interchip_bits_per_flop)):
        needed = compute_flop_s * per_flop
        if needed > 0:
            factor = min(factor, carried / needed)
    return float(factor)
