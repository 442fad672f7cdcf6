"""The delivered-compute waterfall on both sides: installed peak → utilisation → power (eclipse,
temperature, conditioning, ageing) → thermal → availability and failures → network, each a named
factor, delivered = peak × their product."""

import numpy as np

from ..record import Record, record
from .tco import survival_life_average

STEPS = ("utilisation", "power", "thermal", "availability", "network")


@record
class Waterfall(Record):
    """Installed peak (PFLOP/s, dense BF16), the factors in STEPS order and the delivered PFLOP/s."""

    peak_pflops: float
    utilisation: float
    power: float
    thermal: float
    availability: float
    network: float

    @property
    def factors(self):
        return tuple((step, getattr(self, step)) for step in STEPS)

    @property
    def delivered_fraction(self):
        return float(np.prod([value for _, value in self.factors]))

    @property
    def delivered_pflops(self):
        return self.peak_pflops * self.delivered_fraction

    def stages_pflops(self):
        """((step, PFLOP/s after it), ...) from the peak down."""
        running, out = self.peak_pflops, []
        for step, value in self.factors:
            running *= value
            out.append((step, running))
        return tuple(out)


def orbit_waterfall(fleet, failure_per_year, failure_doubling_krad, thermal=1.0, network=1.0):
    """The fleet's waterfall over its life: power = what the arrays run of the utilised peak (eclipse in
    throttle mode, temperature, conditioning) × life-averaged ageing; availability = accelerators
    still working on average (failure rate rising with dose, none replaced in orbit). thermal and
    network are 1 until the assessment throttles for heat or the network issue lands."""
    n = fleet.shell_satellites
    peak = float(np.sum(n * fleet.peak_pflops))
    ageing = (fleet.compute_kw_start + fleet.compute_kw_end) / 2.0 / fleet.compute_kw_start
    powered = float(np.sum(n * fleet.delivered_pflops * ageing)) / (peak * fleet.utilisation)
    dose = 0.0 if fleet.dose_krad is None else fleet.dose_krad
    surviving = survival_life_average(failure_per_year * (1.0 + dose / failure_doubling_krad), fleet.lifetime_years)
    weights = n * fleet.delivered_pflops * ageing
    availability = float(np.sum(weights * surviving) / np.sum(weights))
    return Waterfall(peak, fleet.utilisation, powered, thermal, availability, network)


def ground_waterfall(peak_pflops, utilisation, load_factor, availability, network=1.0):
    """The ground's waterfall for the same installed peak: power = the share of nameplate the facility
    runs on average (load factor); availability = its uptime."""
    return Waterfall(peak_pflops, utilisation, load_factor, 1.0, availability, network)
