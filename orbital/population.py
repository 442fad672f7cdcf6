"""Decades ahead: LEO's population with and without the fleet, a source–sink model of MOCAT's kind
(D'Ambrosio, Lifson & Linares 2022, arXiv:2206.05345; MIT ARCLab's pyssem).

Five species in altitude bins (Population.bin_km from low_km to high_km): the actives already there
and the fleet's (launched, retired after their life; they avoid all but `unavoided_share` of their
collisions), the derelicts of each (failed disposals; intact objects already there) and lethal debris
(≥ 10 cm). Derelicts and debris sink to the bin below at the drag's pace (NRLMSIS 2.1 through
drag.profile_decay_years, the rate averaged over solar minimum and maximum); actives keep station.
Collisions follow the kinetic gas (rate = σ v / V × n_i n_j per bin) and turn both objects into the
NASA standard breakup model's fragments (Johnson et al. 2001), left in their bin.

Where MOCAT differs: it spreads fragments over bins by their Δv, adds non-trackable lethal debris,
uses 20 km bins up to 900 km and launch histories by species; here the fleet's shells and the
present population (ESA 2025 totals, spread as Population says) are the inputs. On the same inputs
without a fleet pyssem's derelicts agree within 3 % and its debris within 25 % over 200 years; with
fleets (starlink, spacex-odc and parts of it) the runaway year within 20 %, ours sooner: pyssem keeps a
fragment no larger than its parent (tests/test_population.py, docs/model.md). A first-order model, to compare with and without the fleet, not a forecast."""

import math

import numpy as np

from .constants import EARTH_RADIUS_KM, JULIAN_YEAR_S
from .debris import profile_counts
from .drag import REENTRY_ALTITUDE_KM, density_kg_m3, profile_decay_years
from .errors import OrbitalError
from .parameters import Population
from .record import FloatArray, Record, record

# Species, in the order of the state's rows.
SPECIES = ("active", "fleet", "derelict", "fleet_derelict", "debris")
ACTIVE, FLEET, DERELICT, FLEET_DERELICT, DEBRIS = range(5)
# The inclination at which the drag's density is averaged along the orbit (assumption: mid-inclination).
DRAG_INCLINATION_DEG = 50.0
# Height step (km) of the density profile the residence times integrate.
PROFILE_STEP_KM = 10.0
# Debris (objects ≥ 10 cm) past which a projection is a runaway cascade and stops.
RUNAWAY_DEBRIS = 1e8
# Output samples a year, and integration steps a sample.
SAMPLES_PER_YEAR = 2
STEPS_PER_SAMPLE = 10


@record
class Projection(Record):
    """One future of the population: each species' total at `years` ((T,) arrays, years from now),
    collisions a year, and the year the debris ran away (passed RUNAWAY_DEBRIS; None if it did not),
    where the projection stops."""

    years: FloatArray
    active: FloatArray
    fleet: FloatArray
    derelict: FloatArray
    fleet_derelict: FloatArray
    debris: FloatArray
    collisions_per_year: FloatArray
    runaway_year: float | None


@record
class Outlook(Record):
    """The population with and without the fleet, and the days to the first collision if every
    manoeuvre stopped (the "CRASH clock" of Thiele et al., arXiv:2512.09643): now, and the day the
    whole fleet is up among today's objects."""

    with_fleet: Projection
    without_fleet: Projection
    crash_clock_days_now: float
    crash_clock_days_with_fleet: float
    bins_km: FloatArray


def bin_edges_km(params):
    """Edges (km) of the altitude bins ((K + 1,) array)."""
    if params.high_km <= params.low_km + params.bin_km:
        raise OrbitalError(f"population.high_km: {params.high_km:g} km leaves no bin above {params.low_km:g} km",
                           parameter="population.high_km")
    return np.arange(params.low_km, params.high_km + 0.5 * params.bin_km, params.bin_km)


def bin_volumes_km3(edges_km):
    """Volume (km³) of each spherical shell between consecutive edges ((K,) array)."""
    r = EARTH_RADIUS_KM + np.asarray(edges_km, dtype=float)
    return 4.0 / 3.0 * np.pi * np.diff(r ** 3)


def residence_years(edges_km, ballistic_m2_kg, drag):
    """Years a derelict of Cd A/m `ballistic_m2_kg` spends sinking through each bin ((K,) array): the
    decay time from the bin's top to its bottom over NRLMSIS profiles, the rate averaged over solar
    minimum and maximum (Drag's F10.7 and Ap)."""
    heights = np.arange(REENTRY_ALTITUDE_KM, edges_km[-1] + PROFILE_STEP_KM, PROFILE_STEP_KM)
    rates = []
    for f107, ap in ((drag.f107_solar_min, drag.ap_solar_min), (drag.f107_solar_max, drag.ap_solar_max)):
        density = density_kg_m3(heights, f107, f107, ap, DRAG_INCLINATION_DEG)
        below = np.array([profile_decay_years(heights[heights <= h + 1e-9], density[heights <= h + 1e-9],
                                              ballistic_m2_kg) if h > REENTRY_ALTITUDE_KM else 0.0 for h in edges_km])
        rates.append(1.0 / np.diff(below))
    return 2.0 / (rates[0] + rates[1])


def fragments(mass_a_kg, mass_b_kg, speed_km_s, params):
    """Fragments of at least fragment_length_m from a collision (NASA standard breakup model):
    0.1 M^0.75 L^-1.71, M the two masses (kg) when the smaller's energy per gram of the larger reaches
    catastrophic_j_per_g, else the smaller's mass × speed (km/s)²."""
    small, large = np.minimum(mass_a_kg, mass_b_kg), np.maximum(mass_a_kg, mass_b_kg)
    specific_j_per_g = 0.5 * small * (speed_km_s * 1e3) ** 2 / (large * 1e3)
    mass = np.where(specific_j_per_g >= params.catastrophic_j_per_g, small + large, small * speed_km_s ** 2)
    return 0.1 * mass ** 0.75 * params.fragment_length_m ** -1.71


def counts_in_bins(edges_km, altitudes_km, counts):
    """Objects at `altitudes_km` ((S,) array) in numbers `counts` ((S,)) per bin ((K,) array); the top
    edge counts in the top bin, altitudes outside the bins are left out."""
    altitudes_km, counts = np.atleast_1d(np.asarray(altitudes_km, float)), np.atleast_1d(np.asarray(counts, float))
    inside = (altitudes_km >= edges_km[0]) & (altitudes_km <= edges_km[-1])
    index = np.minimum(np.searchsorted(edges_km, altitudes_km[inside], side="right") - 1, edges_km.size - 2)
    return np.bincount(index, weights=counts[inside], minlength=edges_km.size - 1)


@record
class FleetInputs(Record):
    """The fleet as the population model sees it: satellites per shell at its altitude ((S,) arrays),
    and each satellite's mass, hard-body radius, Cd A/m once dead, life and the years to deploy all."""

    altitudes_km: FloatArray
    satellites: FloatArray
    mass_kg: float
    radius_m: float
    ballistic_m2_kg: float
    life_years: float
    deploy_years: float
    speed_km_s: float


class System:
    """The model's constant parts for one set of inputs: per-species masses, radii, residence times
    ((5, K), inf where a species keeps station), the collision coefficients σ v / V ((5, 5, K), per
    year) and the fragments of each pairing ((5, 5))."""

    def __init__(self, fleet, drag, params):
        self.params, self.fleet = params, fleet
        self.edges_km = bin_edges_km(params)
        bins = self.edges_km.size - 1
        self.mass_kg = np.array([params.derelict_mass_kg, fleet.mass_kg, params.derelict_mass_kg, fleet.mass_kg,
                                 params.debris_mass_kg])
        radius_m = np.array([params.derelict_radius_m, fleet.radius_m, params.derelict_radius_m, fleet.radius_m,
                             params.debris_radius_m])
        self.residence_years = np.full((len(SPECIES), bins), np.inf)
        self.residence_years[DERELICT] = residence_years(self.edges_km, params.derelict_ballistic_m2_kg, drag)
        self.residence_years[FLEET_DERELICT] = residence_years(self.edges_km, fleet.ballistic_m2_kg, drag)
        self.residence_years[DEBRIS] = residence_years(self.edges_km, params.debris_ballistic_m2_kg, drag)
        sigma_km2 = np.pi * ((radius_m[:, None] + radius_m[None, :]) * 1e-3) ** 2
        self.coefficient = (sigma_km2[:, :, None] * fleet.speed_km_s * JULIAN_YEAR_S
                            / bin_volumes_km3(self.edges_km)[None, None, :])
        self.fragments = fragments(self.mass_kg[:, None], self.mass_kg[None, :], fleet.speed_km_s, params)
        active = np.isin(np.arange(len(SPECIES)), (ACTIVE, FLEET))
        # Two actives never collide (each shell a lattice kept apart by design, checked by the traffic
        # screen); an active against anything else avoids all but unavoided_share.
        self.unavoided = np.where(active[:, None] | active[None, :], params.unavoided_share, 1.0)
        self.unavoided[np.ix_(active, active)] = 0.0
        self.fleet_bins = counts_in_bins(self.edges_km, fleet.altitudes_km, fleet.satellites)
        self.background_active = counts_in_bins(self.edges_km, params.background_active_km, params.background_active)

    def start(self):
        """The population now ((5, K)): the actives and the inert objects already there, no fleet."""
        p = self.params
        x = np.zeros((len(SPECIES), self.edges_km.size - 1))
        x[ACTIVE] = self.background_active
        span_km = (p.background_low_km, p.background_high_km)
        x[DERELICT] = profile_counts(self.edges_km, "tracked", p.background_derelict, *span_km)
        x[DEBRIS] = profile_counts(self.edges_km, "tracked", p.background_debris, *span_km)
        return x

    def pair_rates(self, x, avoided=True):
        """Collisions a year of each pairing in each bin ((5, 5, K); i ≤ j, a species with itself counted
        once a pair), with the actives' avoidance unless `avoided` is False (two actives still never
        meet: their lattices' approaches are the traffic screen's, orbital.traffic)."""
        rates = self.coefficient * x[:, None, :] * x[None, :, :]
        rates = np.triu(np.moveaxis(rates, 2, 0)).transpose(1, 2, 0)
        rates[np.arange(len(SPECIES)), np.arange(len(SPECIES))] *= 0.5
        return rates * (self.unavoided if avoided else (self.unavoided > 0))[:, :, None]

    def sources(self, t_years, x, with_fleet):
        """(gain, loss): what adds to and what takes from each species in each bin, objects a year
        ((5, K) each; drag aside) at `t_years` in state `x` ((5, K)): launches, retirements, failed
        disposals, collisions and their fragments."""
        p, fleet = self.params, self.fleet
        gain, loss = np.zeros_like(x), np.zeros_like(x)
        gain[ACTIVE], loss[ACTIVE] = self.background_active / fleet.life_years, x[ACTIVE] / fleet.life_years
        gain[DERELICT] = (1.0 - p.pmd_success) * x[ACTIVE] / fleet.life_years
        if with_fleet:
            # Launches replace each retired satellite, so only the deployment's ramp adds.
            gain[FLEET] = self.fleet_bins / fleet.deploy_years if t_years < fleet.deploy_years else 0.0
            gain[FLEET_DERELICT] = (1.0 - p.pmd_success) * x[FLEET] / fleet.life_years
        rates = self.pair_rates(x)
        loss += rates.sum(axis=1) + rates.sum(axis=0)
        gain[DEBRIS] += (rates * self.fragments[:, :, None]).sum(axis=(0, 1))
        return gain, loss


def sink(system, x, dt_years):
    """`x` ((5, K)) after drag over `dt_years`, implicitly (backward Euler, stable however short a bin's
    residence): each bin keeps x / (1 + dt/τ) and takes what the bin above sheds, from the top down."""
    keep = 1.0 / (1.0 + dt_years / system.residence_years)
    out = np.empty_like(x)
    inflow = np.zeros(x.shape[0])
    for k in range(x.shape[1] - 1, -1, -1):
        out[:, k] = (x[:, k] + inflow) * keep[:, k]
        inflow = out[:, k] * dt_years / system.residence_years[:, k]
    return out


def run(system, with_fleet, years):
    """The population every 1 / SAMPLES_PER_YEAR years from now to `years`, or until the debris runs
    away (RUNAWAY_DEBRIS): (times (T,), states (T, 5, K)). STEPS_PER_SAMPLE steps a sample: launches,
    retirements and fragments forward, each species' collision losses as an exponential decay (never
    below zero), drag backward (sink)."""
    t = np.linspace(0.0, years, int(round(years * SAMPLES_PER_YEAR)) + 1)
    dt = (t[1] - t[0]) / STEPS_PER_SAMPLE
    states = [system.start()]
    x = states[0]
    for sample in range(1, t.size):
        for step in range(STEPS_PER_SAMPLE):
            gain, loss = system.sources(t[sample - 1] + step * dt, x, with_fleet)
            x = sink(system, x * np.exp(-dt * loss / np.maximum(x, 1e-300)) + dt * gain, dt)
        states.append(x)
        if x[DEBRIS].sum() > RUNAWAY_DEBRIS:
            break
    return t[:len(states)], np.array(states)


def crash_clock_days(system, x):
    """Days to the first collision in state `x` ((5, K)) if every manoeuvre stopped: 1 / the total rate."""
    total = system.pair_rates(x, avoided=False).sum()
    return math.inf if total <= 0 else JULIAN_YEAR_S / 86400.0 / total


def projection(system, with_fleet, years):
    """run() summed over the bins: Projection."""
    t, states = run(system, with_fleet, years)
    totals = {name: states[:, k].sum(axis=1) for k, name in enumerate(SPECIES)}
    runaway = t[-1] if totals["debris"][-1] > RUNAWAY_DEBRIS else None
    return Projection(years=t, **totals, collisions_per_year=np.array([system.pair_rates(x).sum() for x in states]),
                      runaway_year=None if runaway is None else float(runaway))


def outlook(fleet, drag, params):
    """The population with and without the fleet (FleetInputs `fleet`, the Drag and Population groups)
    over params.years: Outlook."""
    system = System(fleet, drag, params)
    deployed = system.start()
    deployed[FLEET] = system.fleet_bins
    return Outlook(with_fleet=projection(system, True, params.years),
                   without_fleet=projection(system, False, params.years),
                   crash_clock_days_now=crash_clock_days(system, system.start()),
                   crash_clock_days_with_fleet=crash_clock_days(system, deployed), bins_km=system.edges_km)


def fleet_inputs(assessment, model):
    """FleetInputs from an Assessment (its fleet's shells, mean satellite mass, Cd A/m once dead and
    deployment years) and the Model (life, the Traffic group's hard-body radius and impact speed)."""
    drag_rows = assessment.mass.drag
    ballistic = (sum(r.ballistic_m2_kg * r.satellites for r in drag_rows) / max(sum(r.satellites for r in drag_rows), 1)
                 if drag_rows else 0.02)
    return FleetInputs(altitudes_km=np.asarray(assessment.fleet.altitude_km, float),
                       satellites=np.asarray(assessment.fleet.shell_satellites, float),
                       mass_kg=float(assessment.mass.per_satellite.total_kg), radius_m=model.traffic.hard_body_radius_m,
                       ballistic_m2_kg=float(ballistic), life_years=model.satellite.lifetime_years,
                       deploy_years=max(float(assessment.rules.deployment_years), 1.0 / SAMPLES_PER_YEAR),
                       speed_km_s=model.traffic.debris_speed_km_s)


# Years at which summary() reports the projections.
SUMMARY_YEARS = (0, 10, 25, 50, 100, 200)


def summary(outlook):
    """The outlook's headline figures and, at SUMMARY_YEARS (within the projection), each future's
    actives, derelicts, debris and collisions a year: a dict for the command line."""
    def at(projection, year):
        if year > projection.years[-1] + 1e-9:
            return {}
        k = int(np.argmin(np.abs(projection.years - year)))
        return {"actives": float(projection.active[k] + projection.fleet[k]),
                "derelicts": float(projection.derelict[k] + projection.fleet_derelict[k]),
                "debris": float(projection.debris[k]), "collisions_per_year": float(projection.collisions_per_year[k])}

    rows = [{"year": year, **{f"with_fleet.{k}": v for k, v in at(outlook.with_fleet, year).items()},
             **{f"without.{k}": v for k, v in at(outlook.without_fleet, year).items()}}
            for year in SUMMARY_YEARS if year <= outlook.without_fleet.years[-1] + 1e-9]
    return {"outlook": {"crash_clock_days_now": outlook.crash_clock_days_now,
                        "crash_clock_days_with_fleet": outlook.crash_clock_days_with_fleet,
                        "runaway_year_with_fleet": outlook.with_fleet.runaway_year,
                        "runaway_year_without": outlook.without_fleet.runaway_year},
            "years": rows}


def fleet_outlook(assessment, model, params=None):
    """outlook() for the fleet an Assessment describes, with the Model's drag, life and traffic figures
    and the Population group `params` (its defaults when None)."""
    return outlook(fleet_inputs(assessment, model), model.drag, params or Population())
