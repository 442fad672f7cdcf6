"""Sourced defaults of the power, compute, heat, launch and ground models, grouped so a scenario can
override any of them. Units in names; each field carries its unit, allowed range and source.

Each figure names its source beside it (the document, and its section or table where it has one);
"(secondary)" marks a figure taken from press or notes quoting the document rather than the document
itself, "(derived)" arithmetic on published inputs, and "assumption" a figure no source gives.
"""

import math
from dataclasses import dataclass, field, fields, replace

from .compute import Accelerator, accelerator
from .errors import OrbitalError

POINTINGS = ("sun-tracking", "zenith", "orbit-normal")
ECLIPSE_MODES = ("throttle", "battery")
SUNCATCHER = "Suncatcher, arXiv:2511.19468"
MASTER_PROFILE = ("ESA MASTER's spatial density by altitude, 10 km bins over 200–2,000 km, peak at 840–850 km "
                  "(orbital/data/debris_density_master.csv, from ARCLab-MIT/MOCAT-SSEM's MASTER download)")
STARCLOUD = "Starcloud white paper v1.03, Sep 2024, p.9 (secondary)"


def parameter(default, unit, low, high, source, *, above_low=False):
    """A dataclass field with its unit, allowed range [low, high] (or (low, high] if above_low) and source."""
    return field(default=default, metadata={"unit": unit, "low": low, "high": high, "above_low": above_low,
                                            "source": source})


class ParameterGroup:
    """Validation, copying and the sources table shared by every parameter group."""

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            meta = f.metadata
            if "choices" in meta:
                if value not in meta["choices"]:
                    raise OrbitalError(f"{f.name}: {value!r} is not one of {', '.join(meta['choices'])}",
                                       parameter=f.name)
                continue
            low, high = meta["low"], meta["high"]
            number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            if not number or value > high or value < low or (meta["above_low"] and value == low):
                unit = f" {meta['unit']}" if meta["unit"] else ""
                allowed = (f"above {low:g}{unit} and at most {high:g}{unit}" if meta["above_low"]
                           else f"{low:g} to {high:g}{unit}")
                raise OrbitalError(f"{f.name}: {value!r} is outside the allowed range {allowed}", parameter=f.name)

    def with_(self, **changes):
        """A copy with some fields changed (validated)."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise OrbitalError(f"{type(self).__name__}: unknown parameter(s) {', '.join(sorted(unknown))}",
                               parameter=sorted(unknown)[0])
        return replace(self, **changes)

    def sources(self, group):
        """Rows of (group, name, value, unit, source) for this group's parameters, named `group` in the model."""
        return [{"group": group, "name": f.name, "value": getattr(self, f.name),
                 "unit": f.metadata.get("unit", ""), "source": f.metadata["source"]} for f in fields(self)]


def choice(default, choices, source):
    return field(default=default, metadata={"choices": choices, "source": source})


@dataclass(frozen=True)
class SolarArray(ParameterGroup):
    """A satellite's solar array (defaults: Suncatcher's optimised Starlink-V2-mini-class bus)."""

    area_m2: float = parameter(105.0, "m²", 0.0, 1e8, f"{SUNCATCHER} §4.4, Table 1", above_low=True)
    cell_efficiency: float = parameter(0.22, "", 0.0, 1.0, f"silicon cells, {SUNCATCHER} Table 1; "
                                       "triple junction ~0.30 BOL (Spectrolab XTJ)", above_low=True)
    packing_factor: float = parameter(0.9, "", 0.0, 1.0, f"cell fill of the array, {SUNCATCHER} Table 1",
                                      above_low=True)
    degradation_per_year: float = parameter(0.007, "per year", 0.0, 0.5,
                                            "silicon 0.7–1.7 %/yr in GEO fleet data, low end (Lohmeyer et al. 2018)")
    radiation_damage: str = choice("fluence", ("fluence", "flat"),
                                   "fluence: each shell's end-of-life power from its trapped-particle fluence "
                                   "behind the cover glass (cells.py, JPL EQFLUX) times the flat rate's "
                                   "non-radiation part; flat: degradation_per_year at every altitude")
    cover_glass_um: float = parameter(152.4, "µm CMG", 0.0, 1524.0,
                                      "assumption: 6 mil (152 µm) of ceria-doped microsheet, the middle of "
                                      "3–12 mil (76–305 µm) LEO cover glass; JPL 96-9 tabulates 0–60 mil")
    proton_to_electron_damage: float = parameter(2000.0, "1 MeV e per 10 MeV p", 1.0, 1e5,
                                                 "(derived) 1 MeV electron over 9.5 MeV proton fluence giving the same "
                                                 "GaAs/Ge Pmax at remaining factors 0.95–0.75: 1,840–2,220 (Anspaugh, "
                                                 "JPL 96-9, as digitised in Aerospace Corp.'s solarpy); 1,000–3,000 "
                                                 "for the digitising's scatter", above_low=True)
    damage_c: float = parameter(0.348, "", 0.0, 1.0,
                                "(derived) least-squares fit of 1 − C log10(1 + Φ/Φx) to GaAs/Ge Pmax under 1 MeV "
                                "electrons, 5e13–1e16 /cm² (Anspaugh, JPL 96-9, via solarpy): residuals ≤ 0.03; "
                                "0.25–0.45 spans the fit's scatter")
    damage_fluence_x_per_cm2: float = parameter(4.85e14, "1 MeV e/cm²", 1e10, 1e18,
                                                "(derived) the same fit's Φx; 2e14–1e15 spans its scatter")
    age_years: float = parameter(0.0, "years", 0.0, 50.0, "evaluation point: 0 = beginning of life")
    temperature_coefficient_per_c: float = parameter(-0.004, "per °C", -0.02, 0.0,
                                                     "silicon ≈ −0.4 %/°C relative to 28 °C (triple junction "
                                                     "≈ −0.2 %/°C), cell datasheets (Spectrolab, Azur)")
    solar_absorptivity: float = parameter(0.92, "", 0.0, 1.0, "assumption: cover-glassed cells absorb "
                                          "~0.90–0.92 of sunlight (cell datasheets)", above_low=True)
    front_emissivity: float = parameter(0.85, "", 0.0, 1.0, "assumption: cover glass ~0.85", above_low=True)
    back_emissivity: float = parameter(0.85, "", 0.0, 1.0, "assumption: black-painted substrate ~0.85",
                                       above_low=True)
    conditioning_efficiency: float = parameter(0.95, "", 0.0, 1.0, "power conditioning and regulation "
                                               "(PCDU) ~93–97 % (Patel, Spacecraft Power Systems)",
                                               above_low=True)
    pointing: str = choice("sun-tracking", POINTINGS,
                           "sun-tracking; zenith = body-mounted away from Earth; orbit-normal = sunward face "
                           "of the orbit normal (suits dawn–dusk orbits)")


@dataclass(frozen=True)
class Satellite(ParameterGroup):
    """The satellite as a whole: its mass budget, life, bus load and what its compute does in eclipse."""

    mass_kg: float = parameter(575.0, "kg", 0.0, 1e6, f"the bus with its arrays: optimised V2-mini-class bus, "
                               f"{SUNCATCHER} §4.4, Table 1 (it carries no compute)", above_low=True)
    compute_kg_per_accelerator: float = parameter(16.0, "kg", 0.0, 1000.0,
                                                  "DGX H100 ≈ 123–130 kg for 8 GPUs with CPUs, boards and power "
                                                  "supplies (NVIDIA DGX H100 datasheet and user guide, secondary), before space "
                                                  "hardening")
    shielded_cm2_per_accelerator: float = parameter(2000.0 / 0.81, "cm²", 0.0, 1e6,
                                                    "assumption: the enclosure of memory and logic whose 3 mm (0.81 g/cm²) of "
                                                    "aluminium weighs the 2 kg per accelerator first assumed "
                                                    "(~20 × 20 × 15 cm); its mass follows radiation.shield_mm")
    radiator_kg_per_m2: float = parameter(5.0, "kg/m²", 0.0, 100.0,
                                          "assumption: deployable panel radiators with heat pipes, a few kg/m²")
    lifetime_years: float = parameter(5.0, "years", 0.0, 50.0, f"{SUNCATCHER} Table 1", above_low=True)
    bus_load_fraction: float = parameter(0.10, "of array rating", 0.0, 0.99,
                                         f"assumption: attitude, avionics, links, pumps; a few kW per ~28 kW "
                                         f"in {SUNCATCHER} §4.4")
    eclipse_mode: str = choice("throttle", ECLIPSE_MODES,
                               "throttle: compute stops in eclipse; battery: compute carried through the "
                               "longest eclipse of the year")


@dataclass(frozen=True)
class Battery(ParameterGroup):
    """Battery that carries the load through eclipse (eclipse_mode = battery)."""

    specific_energy_wh_per_kg: float = parameter(150.0, "Wh/kg", 0.0, 1000.0,
                                                 "assumption: space Li-ion pack level (cells ~160–250 Wh/kg)",
                                                 above_low=True)
    depth_of_discharge: float = parameter(0.3, "", 0.0, 1.0,
                                          "assumption: 20–40 % usual for years of LEO cycling", above_low=True)
    round_trip_efficiency: float = parameter(0.9, "", 0.0, 1.0, "assumption: Li-ion charge/discharge",
                                             above_low=True)


@dataclass(frozen=True)
class Radiator(ParameterGroup):
    """Radiator rejecting the compute's waste heat (defaults: Starcloud's balance)."""

    emissivity: float = parameter(0.92, "", 0.0, 1.0, STARCLOUD, above_low=True)
    solar_absorptivity: float = parameter(0.09, "", 0.0, 1.0, STARCLOUD)
    # Starcloud's 633 W/m² follows only if Earth's infrared is absorbed at the solar absorptivity
    # (0.09); Kirchhoff's law puts it at the emissivity, which gives ~585 W/m². We keep the physics.
    infrared_absorptivity: float = parameter(0.92, "", 0.0, 1.0, "Kirchhoff: = emissivity at thermal wavelengths")
    temperature_c: float = parameter(20.0, "°C", -200.0, 1000.0, STARCLOUD)
    radiating_faces: int = parameter(2, "", 1, 2, f"{STARCLOUD}: both faces emit")
    sunlit_faces: int = parameter(1, "", 0, 2, f"{STARCLOUD}: one face sunlit (0 = edge-on to the Sun)")
    earth_facing_faces: int = parameter(1, "", 0, 2, "one face toward Earth, the other to deep space "
                                        f"({STARCLOUD} puts Earth's loads on one face too); the view factor "
                                        "comes from the altitude (heat.earth_view_factor)")
    albedo: float = parameter(0.30, "", 0.0, 1.0, STARCLOUD)
    earth_temperature_k: float = parameter(253.0, "K", 0.0, 400.0, STARCLOUD)


# Launch vehicles: payload to a low orbit (kg) and the upper stage that carries it higher (dry mass kg,
# vacuum specific impulse s). Starship 200 t as assumed by the seed article and Suncatcher §4.4; SpaceX
# quotes 100–150 t (secondary); ship ~100 t dry, Raptor Vacuum ~380 s (secondary). Falcon 9 ~17.5 t
# reusable, as flown on Starlink missions; second stage ~4 t dry, Merlin Vacuum ~348 s (secondary). Each
# flies from its own site and burns its own propellant (CO₂ a launch).
STARSHIP = {"upper_stage_dry_kg": 100_000.0, "upper_stage_isp_s": 380.0, "site_latitude_deg": 26.0,
            "co2_t_per_launch": 2750.0}
LAUNCH_VEHICLES = {
    "Starship 200 t": {"payload_kg": 200_000.0, **STARSHIP},
    "Starship 100 t": {"payload_kg": 100_000.0, **STARSHIP},
    "Falcon 9": {"payload_kg": 17_500.0, "upper_stage_dry_kg": 4_000.0, "upper_stage_isp_s": 348.0,
                 "site_latitude_deg": 28.6, "co2_t_per_launch": 450.0},
}
# What each vehicle's figures cite (the Sources view cites the chosen vehicle's).
STARSHIP_SOURCES = {"upper_stage_dry_kg": "Starship (ship) dry mass ~100 t (SpaceX, secondary)",
                    "upper_stage_isp_s": "Raptor Vacuum ~380 s (SpaceX, secondary)",
                    "site_latitude_deg": "Starbase, Texas, 25.99° N",
                    "co2_t_per_launch": "Starship + Super Heavy ~4,600 t CH₄/LOX at O/F ≈ 3.6, i.e. ~1,000 t CH₄ "
                                        "(SpaceX published loads, secondary) × 44/16 t CO₂ per t CH₄ "
                                        "(CH₄ + 2 O₂ → CO₂ + 2 H₂O; derived)"}
LAUNCH_SOURCES = {
    "Starship 200 t": {"payload_kg": f"Starship 200 t, as assumed by the seed article and {SUNCATCHER} §4.4",
                       **STARSHIP_SOURCES},
    "Starship 100 t": {"payload_kg": "Starship 100 t: the low end of SpaceX's quoted 100–150 t (secondary)",
                       **STARSHIP_SOURCES},
    "Falcon 9": {"payload_kg": "Falcon 9 ~17.5 t reusable, as flown on Starlink missions (secondary)",
                 "upper_stage_dry_kg": "Falcon 9 second stage ~4 t dry (secondary)",
                 "upper_stage_isp_s": "Merlin Vacuum ~348 s (SpaceX, secondary)",
                 "site_latitude_deg": "Cape Canaveral SLC-40, 28.56° N",
                 "co2_t_per_launch": "~145 t of RP-1 a flight (~118 t first stage, ~28 t second, from SpaceX's "
                                     "published propellant loads at O/F ≈ 2.4, secondary) × ~3.1 t CO₂ per t of "
                                     "kerosene (C₁₂H₂₆; derived)"},
}


@dataclass(frozen=True)
class Launch(ParameterGroup):
    """Launch vehicle, price with its learning curve, and cadence."""

    vehicle: str = choice("Starship 200 t", tuple(LAUNCH_VEHICLES), "the vehicle whose payload, upper stage "
                          "and price per flight (LAUNCH_PRICES) the launches use")
    payload_kg: float = parameter(200_000.0, "kg", 0.0, 1e7, LAUNCH_SOURCES["Starship 200 t"]["payload_kg"],
                                  above_low=True)
    price_usd_per_kg: float = parameter(1800.0, "$/kg", 0.0, 1e6,
                                        f"used only when set: every flight priced at this × the rated payload, "
                                        f"without learning (Falcon Heavy ~$1,800/kg, {SUNCATCHER} §4.4); else "
                                        "the vehicle's price per flight (LAUNCH_PRICES) on its learning curve",
                                        above_low=True)
    launches_per_year: float = parameter(365.0, "per year", 0.0, 1e5, "assumption: one launch a day",
                                         above_low=True)
    reference_altitude_km: float = parameter(300.0, "km", 150.0, 2000.0, "assumption: the low orbit the "
                                             "payload figure is quoted to")
    site_latitude_deg: float = parameter(26.0, "°", 0.0, 90.0, STARSHIP_SOURCES["site_latitude_deg"])
    upper_stage_dry_kg: float = parameter(100_000.0, "kg", 0.0, 1e7, STARSHIP_SOURCES["upper_stage_dry_kg"])
    upper_stage_isp_s: float = parameter(380.0, "s", 100.0, 1000.0, STARSHIP_SOURCES["upper_stage_isp_s"],
                                         above_low=True)
    co2_t_per_launch: float = parameter(2750.0, "t CO₂", 0.0, 1e5, STARSHIP_SOURCES["co2_t_per_launch"])

    @classmethod
    def for_vehicle(cls, vehicle, **changes):
        """Launch with the payload and upper stage of `vehicle` (a key of LAUNCH_VEHICLES)."""
        if vehicle not in LAUNCH_VEHICLES:
            raise OrbitalError(f"vehicle: {vehicle!r} is not one of {', '.join(LAUNCH_VEHICLES)}",
                               parameter="vehicle")
        return cls(**{**LAUNCH_VEHICLES[vehicle], "vehicle": vehicle, **changes})


@dataclass(frozen=True)
class Ground(ParameterGroup):
    """The terrestrial data center doing the same compute, and the solar farm that would power it."""

    pue: float = parameter(1.56, "", 1.0, 5.0, "industry average, Uptime Institute global surveys")
    hyperscale_pue: float = parameter(1.10, "", 1.0, 5.0, "Google 2024 Environmental Report")
    capacity_factor: float = parameter(0.24, "", 0.0, 1.0, "US median ground solar, as cited by Starcloud (secondary)",
                                       above_low=True)
    panel_efficiency: float = parameter(0.22, "", 0.0, 1.0, f"silicon, as in orbit ({SUNCATCHER} Table 1)",
                                        above_low=True)
    carbon_g_per_kwh: float = parameter(445.0, "gCO₂/kWh", 0.0, 2000.0, "world grid 2024, IEA Electricity 2025")
    water_onsite_l_per_kwh: float = parameter(0.57, "L per kWh of IT energy", 0.0, 100.0,
                                              "on-site WUE, defined per kWh of IT energy (The Green Grid): US "
                                              "data centers drew ~64 GL (17 billion gallons) directly in 2023 "
                                              "for 176 TWh, LBNL 2024 (Shehabi et al., secondary), ÷ (176 TWh ÷ "
                                              "PUE 1.56) (derived); older average 1.8 L/kWh, Mytton 2021")
    water_generation_l_per_kwh: float = parameter(4.5, "L per kWh generated", 0.0, 100.0,
                                                  "water consumed generating the grid energy: ~800 GL (211 "
                                                  "billion gallons) indirect for 176 TWh in 2023, LBNL 2024 "
                                                  "(Shehabi et al., secondary; derived)")



# Launch prices by the flight, each vehicle its own: price per flight at the start of the learning curve
# (operations.launch_reference_cumulative_t) and whether the upper stage returns (it keeps propellant
# for its own deorbit burn). Falcon 9: $69.75 M list price (SpaceX Capabilities & Services, 2024; its
# second stage is expended). Starship: no price is published; ~$100 M a flight early on is an
# assumption (Musk's target of a few $ M a flight is far below it).
LAUNCH_PRICES = {
    "Starship 200 t": {"usd_per_flight": 100e6, "returns": True},
    "Starship 100 t": {"usd_per_flight": 100e6, "returns": True},
    "Falcon 9": {"usd_per_flight": 69.75e6, "returns": False},
}
STARLINK_COST = "Starlink V2 mini ~$800k for ~730 kg, Quilty Space estimate (secondary)"
MCCALIP = "McCalip, static/js/math.js (github andrewmccalip/thoughts)"
SPACEDC = "spacedc-mdao, src/orbitdc/data (github jman4162/spacedc-mdao)"
INCLUSION = ("included", "excluded")


@dataclass(frozen=True)
class Hardware(ParameterGroup):
    """What the satellites cost to build, by subsystem ($/kg of each part's mass), on a production
    learning curve, and the program's development (NRE)."""

    bus_and_arrays_usd_per_kg: float = parameter(1100.0, "$/kg", 0.0, 1e6, f"{STARLINK_COST}; McCalip's "
                                                 "$22/W × 36.5 W/kg ≈ $800/kg")
    radiator_usd_per_kg: float = parameter(1100.0, "$/kg", 0.0, 1e6, "assumption: deployable radiator panels "
                                           "with heat pipes, priced as the bus")
    shielding_usd_per_kg: float = parameter(100.0, "$/kg", 0.0, 1e6, "assumption: aluminium and tantalum "
                                            "structure, machined, ~$50–500/kg")
    compute_integration_usd_per_kg: float = parameter(2000.0, "$/kg", 0.0, 1e6,
                                                      "assumption: boards, CPUs, memory, cold plates and their "
                                                      "space qualification, without the accelerators")
    battery_usd_per_kg: float = parameter(500.0, "$/kg", 0.0, 1e6, "assumption: space Li-ion packs, "
                                          "~$300–1,000/kg")
    propellant_usd_per_kg: float = parameter(50.0, "$/kg", 0.0, 1e6, "assumption: argon ~$5/kg to krypton "
                                             "~$300/kg")
    learning_rate: float = parameter(0.10, "per doubling", 0.0, 0.9, "assumption: aerospace production "
                                     "curves 85–95 % (a 5–15 % fall per doubling of units)")
    reference_units: float = parameter(7000.0, "satellites", 1.0, 1e9, "Starlink satellites built to date, "
                                       "order 7,000 by 2024 (secondary): the unit cost above is theirs",
                                       above_low=True)
    satellite_usd_per_kg: float = parameter(1000.0, "$/kg", 0.0, 1e6, "used only when set: the satellites' "
                                            "mean hardware price, every subsystem's $/kg above scaled to it "
                                            f"({STARLINK_COST}); else the subsystems' own", above_low=True)
    nre_usd: float = parameter(1e9, "$", 0.0, 1e13, f"{MCCALIP}: $1 B development")
    accelerators: str = choice("included", INCLUSION, "accelerators bought on both sides (included) or left "
                               "out of both (excluded)")
    accelerator_usd: float = parameter(25_000.0, "$", 0.0, 1e7, f"H100 ~$25–30k (secondary); {SPACEDC} "
                                       "accelerators.yaml: $25,000")


@dataclass(frozen=True)
class Operations(ParameterGroup):
    """Running the fleet: operations and ground segment, failures, and financing."""

    ops_fraction_per_year: float = parameter(0.01, "of hardware a year", 0.0, 1.0, f"{MCCALIP}: 1 %/yr")
    ground_segment_fraction: float = parameter(0.03, "of hardware", 0.0, 1.0,
                                               "assumption: gateways and optical ground stations, a few % "
                                               f"of the fleet's hardware ({SPACEDC}: $20 M for 64 satellites)")
    failure_per_year: float = parameter(0.09, "per year", 0.0, 1.0, "Meta, The Llama 3 Herd of Models (2024): "
                                        "148 GPU + 72 HBM3 interruptions in 54 days on 16,384 H100s (~9 %/yr, "
                                        "many recoverable on the ground, none swappable in orbit)")
    failure_doubling_krad: float = parameter(15.0, "krad(Si)", 0.0, 1e6, "assumption: the failure rate doubles "
                                             "at the most-tested dose without hard failure, ~15 krad(Si) "
                                             f"({SUNCATCHER})", above_low=True)
    wacc: float = parameter(0.08, "per year", 0.0, 1.0, f"assumption: infrastructure WACC 6–10 %; {SPACEDC}: "
                            "discount rate 8 %")
    launch_learning_rate: float = parameter(0.20, "per doubling of flights", 0.0, 0.9,
                                            f"price falls 20 % per doubling, {SUNCATCHER} §2.4 (there per "
                                            "doubling of mass)")
    launch_reference_cumulative_t: float = parameter(10_000.0, "t", 0.0, 1e9,
                                                     "SpaceX launched >400 t in Q1 2024 alone (BryceTech "
                                                     "quarterly, secondary): cumulative order 10⁴ t",
                                                     above_low=True)
    reentry_perigee_km: float = parameter(50.0, "km", 0.0, 200.0, "assumption: a returning stage's deorbit "
                                          "perigee")


@dataclass(frozen=True)
class Facility(ParameterGroup):
    """A ground data center's capital by part ($ per W of IT), its life, maintenance, energy supply, and the
    accelerators it would run."""

    power_usd_per_w: float = parameter(0.0, "$/W of IT", 0.0, 1e3, "grid supply: the utility's plant is in the "
                                       "price of energy; an on-site gas plant is gas_plant_usd_per_kw")
    electrical_usd_per_w: float = parameter(5.25, "$/W of IT", 0.0, 1e3, f"{MCCALIP}: switchgear, UPS, gensets")
    mechanical_usd_per_w: float = parameter(3.0, "$/W of IT", 0.0, 1e3, f"{MCCALIP}: chillers, CDUs, piping")
    shell_usd_per_w: float = parameter(2.5, "$/W of IT", 0.0, 1e3, f"{MCCALIP}: land, shell, site")
    fit_out_usd_per_w: float = parameter(1.75, "$/W of IT", 0.0, 1e3, f"{MCCALIP}: fibre, racks, security; "
                                         "the four total $12.5/W, surveys ~$10–12 M per MW (secondary)")
    life_years: float = parameter(15.0, "years", 0.0, 100.0, "construction-cost surveys: 15–20 years "
                                  "(secondary)", above_low=True)
    maintenance_fraction_per_year: float = parameter(0.03, "of facility a year", 0.0, 1.0,
                                                     f"{MCCALIP}: 3 %/yr")
    load_factor: float = parameter(0.85, "of IT nameplate", 0.0, 1.0, f"{MCCALIP}: capacity factor 0.85",
                                   above_low=True)
    availability: float = parameter(0.995, "", 0.0, 1.0, f"{SPACEDC}: hyperscale availability 0.995",
                                    above_low=True)
    price_usd_per_kwh: float = parameter(0.081, "$/kWh", 0.0, 10.0, "US industrial average ~8.1 ¢/kWh in 2023, "
                                         "EIA Electric Power Monthly (secondary)")
    supply: str = choice("grid", ("grid", "gas"), f"grid, or an on-site combined-cycle gas plant ({MCCALIP})")
    gas_plant_usd_per_kw: float = parameter(1800.0, "$/kW", 0.0, 1e5, f"{MCCALIP}: frame CCGT $1,800/kW")
    heat_rate_btu_per_kwh: float = parameter(6200.0, "BTU/kWh", 3412.0, 20000.0, f"{MCCALIP}: 6,200–6,560")
    gas_usd_per_mmbtu: float = parameter(4.30, "$/MMBtu", 0.0, 100.0, f"{MCCALIP}: EIA 2025 Henry Hub forecast")
    accelerator_life_years: float = parameter(5.0, "years", 0.0, 50.0, "assumption: GPUs refreshed every "
                                              "4–6 years", above_low=True)
    accelerator_service_fraction_per_year: float = parameter(0.05, "of accelerators a year", 0.0, 1.0,
                                                             f"{SPACEDC}: maintenance 5 % of capex a year")


@dataclass(frozen=True)
class Drag(ParameterGroup):
    """Drag: the satellite's aerodynamics and the Sun's activity that sets the atmosphere's density."""

    drag_coefficient: float = parameter(2.2, "", 0.5, 5.0, "flat plates in free-molecular flow, 2.2 "
                                        "(Vallado, Fundamentals of Astrodynamics, §8.6)", above_low=True)
    area_fraction: float = parameter(0.5, "of array + radiator area", 0.0, 1.0,
                                     "assumption: sun-tracking arrays and radiators present about half their "
                                     "area to the flow over an orbit", above_low=True)
    f107_solar_min: float = parameter(70.0, "sfu", 50.0, 400.0, "solar minimum F10.7 ~70 (NRLMSIS inputs, "
                                      "Emmert et al. 2021)")
    f107_solar_max: float = parameter(200.0, "sfu", 50.0, 400.0, "solar maximum F10.7 ~200+ (NRLMSIS inputs, "
                                      "Emmert et al. 2021)")
    ap_solar_min: float = parameter(4.0, "", 0.0, 400.0, "assumption: quiet geomagnetic activity")
    ap_solar_max: float = parameter(15.0, "", 0.0, 400.0, "assumption: moderate activity at solar maximum")
    isp_s: float = parameter(1500.0, "s", 1.0, 10000.0,
                             "assumption: Hall-effect thrusters of the Starlink class, ~1,000–2,000 s", above_low=True)
    disposal_perigee_km: float = parameter(250.0, "km", 100.0, 2000.0,
                                           "assumption: a perigee low enough to re-enter within months")
    disposal_years: float = parameter(5.0, "years", 0.0, 1000.0,
                                      "FCC post-mission disposal rule for LEO, Second Report and Order FCC 22-74 "
                                      "(2022)")


@dataclass(frozen=True)
class Radiation(ParameterGroup):
    """The reference point a dose is scaled from, and the tolerances it is judged against."""

    reference_dose_rad: float = parameter(750.0, "rad(Si)", 0.0, 1e7,
                                          f"expected shielded 5-year dose at 650 km, {SUNCATCHER}", above_low=True)
    reference_altitude_km: float = parameter(650.0, "km", 150.0, 5000.0, f"{SUNCATCHER} §2.2 (dawn–dusk orbit)")
    reference_years: float = parameter(5.0, "years", 0.0, 50.0, SUNCATCHER, above_low=True)
    memory_errors_krad: float = parameter(2.0, "krad(Si)", 0.0, 1e4,
                                          f"HBM irregularities from ~2 krad(Si) in a 67 MeV proton beam, {SUNCATCHER}")
    tested_krad: float = parameter(15.0, "krad(Si)", 0.0, 1e4,
                                   f"no hard failure up to ~15 krad(Si), the most tested, {SUNCATCHER}")
    shield_mm: float = parameter(3.0, "mm Al", 0.5, 20.0, "assumption: 3 mm of aluminium, where trapped "
                                 "electrons still dominate the dose at 550–2,000 km; 0.5–20 mm is the span "
                                 "checked against SHIELDOSE-2 (SPENVIS, 550 km 55°, centre of Al spheres); "
                                 "Suncatcher's 750 rad in 5 years at 650 km implies ~10 mm")


@dataclass(frozen=True)
class Traffic(ParameterGroup):
    """Screening for close approaches, collision probability and the manoeuvres it calls for."""

    screen_km: float = parameter(5.0, "km", 0.0, 100.0, "the distance at closest approach within which "
                                 "CelesTrak's SOCRATES reports every conjunction of the public catalogue "
                                 "(celestrak.org/SOCRATES, Kelso & Alfano 2005)", above_low=True)
    step_s: float = parameter(10.0, "s", 0.1, 120.0, "the stepped screener's step (its query radius grows with "
                              "it: screen + 15.6 km/s × step ÷ 2 + 1 km)", above_low=True)
    position_sigma_km: float = parameter(0.1, "km (1σ)", 0.0, 10.0,
                                         "assumption: an operator's own GPS ephemerides ~0.1 km; catalogue "
                                         "(TLE-grade) orbits ~1 km", above_low=True)
    hard_body_radius_m: float = parameter(10.0, "m", 0.0, 1000.0,
                                          "assumption: half the ~20 m span of a 105 m² array and its radiator",
                                          above_low=True)
    pc_threshold: float = parameter(1e-4, "", 0.0, 1.0, "1e-4, the manoeuvre threshold common in "
                                    "conjunction assessment (NASA CARA); SpaceX manoeuvres from 1e-5 "
                                    "(SpaceX semi-annual reports to the FCC, secondary)", above_low=True)
    tracked_objects: float = parameter(40_000.0, "objects", 0.0, 1e7, "objects tracked by space surveillance "
                                       "networks, ~40,000 (ESA Space Environment Report 2025)")
    small_debris: float = parameter(1_200_000.0, "objects", 0.0, 1e9, "debris of 1–10 cm, ~1.2 million "
                                    "(ESA MASTER, ESA Space Environment Report 2025)")
    debris_low_km: float = parameter(200.0, "km", 100.0, 2000.0, "the bottom of the population, spread up to "
                                     f"debris_high_km by {MASTER_PROFILE}")
    debris_high_km: float = parameter(2000.0, "km", 100.0, 40000.0, "the top of LEO (IADC's protected region)",
                                      above_low=True)
    debris_speed_km_s: float = parameter(10.0, "km/s", 0.0, 20.0, "assumption: the mean impact speed in LEO, "
                                         "~10 km/s (ORDEM/MASTER flux outputs peak at 7–15 km/s)", above_low=True)


@dataclass(frozen=True)
class OpticalLink(ParameterGroup):
    """A free-space optical inter-satellite link (both ends alike): the network package's link budget."""

    aperture_m: float = parameter(0.10, "m", 0.001, 2.0, f"{SUNCATCHER} §2.2 (10 cm class telescopes); "
                                  "Mynaric CONDOR Mk3 ~8 cm (datasheet); TBIRD uses a 1 cm-class terminal", above_low=True)
    wavelength_m: float = parameter(1.55e-6, "m", 0.8e-6, 2.0e-6, "C band DWDM, COTS transceivers "
                                    f"({SUNCATCHER} §2.2; TBIRD, Schieler et al. 2023)")
    transmit_power_w: float = parameter(1.0, "W", 0.0, 100.0, "EDFA-boosted COTS transceiver, 0.1–10 W "
                                        "(assumption; Suncatcher §2.2 uses optical amplifiers)", above_low=True)
    optics_efficiency: float = parameter(0.5, "", 0.0, 1.0, "transmit × receive optics throughput, 0.3–0.8 "
                                         "(Hemmati, Near-Earth Laser Communications, 2020, ch. 2)", above_low=True)
    pointing_loss: float = parameter(0.5, "", 0.0, 1.0, "−3 dB pointing and tracking allowance, 0.25–0.9 "
                                     "(Hemmati 2020, ch. 2; assumption)", above_low=True)
    photons_per_bit: float = parameter(100.0, "photons/bit", 1.0, 10000.0,
                                       "coherent DP-QPSK COTS receivers ~ −35 dBm at 100 Gb/s ≈ 40–300 photons/bit "
                                       "(derived from module datasheets; quantum limit ~1–10)")
    channel_rate_bps: float = parameter(100e9, "bit/s", 1e6, 1.6e12, "one DWDM channel of a COTS transceiver "
                                        "(TBIRD: 100 Gb/s channels, Schieler et al. 2023)", above_low=True)
    channels: float = parameter(8.0, "", 1.0, 400.0, f"DWDM channels per aperture: 8 × 100 Gb/s = Suncatcher's "
                                "bench 800 Gb/s each way ({SUNCATCHER} §2.2)")
    spatial_channels_max: float = parameter(16.0, "", 1.0, 1000.0, "apertures or spatial modes per link at short "
                                            f"range (assumption: the 'tens of Tb/s' of {SUNCATCHER} §2.2 needs ~10–30)")
    range_max_km: float = parameter(5000.0, "km", 0.0, 20000.0, "longest link kept (assumption; Starlink lasers "
                                    "close at up to ~5,400 km, SpaceX 2024, secondary)", above_low=True)


@dataclass(frozen=True)
class Weather(ParameterGroup):
    """Weather at the ground stations (orbital.network.weather): ITU-R statistics through `itur` and the
    correlation of the weather between sites."""

    optical_cloud_margin_db: float = parameter(3.0, "dB", 0.0, 20.0, "assumption: what an optical ground link "
                                               "keeps for cloud after turbulence and pointing, 1–10 dB (Hemmati, "
                                               "Near-Earth Laser Communications, 2020, ch. 2)", above_low=True)
    cloud_effective_radius_um: float = parameter(10.0, "µm", 1.0, 50.0, "liquid cloud droplet effective radius, "
                                                 "5–15 µm (Stephens 1978, J. Atmos. Sci. 35, 2123; Miles et al. "
                                                 "2000, J. Atmos. Sci. 57, 295)")
    ka_frequency_ghz: float = parameter(20.0, "GHz", 17.7, 30.0, "Ka-band space-to-Earth 17.7–20.2 GHz (ITU Radio "
                                        "Regulations; KSAT/AWS Ground Station Ka class), EESS 25.5–27 GHz")
    elevation_deg: float = parameter(25.0, "deg", 5.0, 90.0, "the elevation the statistics are taken at: the "
                                     "contacts' mask (network.ground.ELEVATION_MASK_DEG; optical stations 20–30°)")
    ka_rain_margin_db: float = parameter(6.0, "dB", 0.0, 30.0, "assumption: rain fade margin of a Ka-band LEO "
                                         "downlink with adaptive coding, 3–10 dB (ITU-R P.618 is the statistic "
                                         "it is set against)", above_low=True)
    cloud_correlation_km: float = parameter(300.0, "km", 0.0, 5000.0, "assumption: e-folding distance of the "
                                            "correlation of cloud cover between sites, 100–1,000 km (synoptic "
                                            "weather systems; ground observers' cloud cover correlation decays "
                                            "exponentially with distance, J. Appl. Meteor., secondary)",
                                            above_low=True)


SPACEDC_WORKLOADS = f"{SPACEDC}/workloads.yaml"


@dataclass(frozen=True)
class Workload(ParameterGroup):
    """What a workload moves per FLOP of delivered compute: between the chips of a cluster (training's
    all-reduce, across the cluster's bisection) and down to Earth (its results); the round trip it
    tolerates; whether it waits for a clear station (batch) or needs one now (interactive)."""

    interchip_bits_per_flop: float = parameter(0.0, "bit/FLOP", 0.0, 1.0, "none: the job fits one satellite")
    downlink_bits_per_flop: float = parameter(1e-8, "bit/FLOP", 0.0, 1.0, "see WORKLOAD_SOURCES")
    rtt_max_s: float = parameter(0.2, "s", 0.0, 1e6, "assumption: an interactive answer within ~200 ms "
                                 "(a chat turn's network share); batch and training wait hours", above_low=True)
    waits: str = choice("no", ("no", "yes"), "interactive work needs a clear station now; batch and training wait")


WORKLOADS = {
    "training": Workload(interchip_bits_per_flop=1e-4, downlink_bits_per_flop=0.0, rtt_max_s=3600.0, waits="yes"),
    "text inference": Workload(downlink_bits_per_flop=1e-8),
    "rich-output inference": Workload(downlink_bits_per_flop=2e-6, rtt_max_s=0.5),
    "batch": Workload(downlink_bits_per_flop=1e-8, rtt_max_s=3600.0, waits="yes"),
}
WORKLOAD_SOURCES = {
    "training": f"1e-4 bit/FLOP between chips, {SPACEDC_WORKLOADS} llm_training (low 4e-5: the data-parallel "
                "all-reduce of BF16 gradients of Llama 3 405B, TP 8 × PP 16 on 16,384 H100s, Dubey et al. 2024, "
                "derived; high 5e-3: pure data parallelism at ~1,000 tokens per chip); checkpoints down are negligible",
    "text inference": f"1e-8 bit/FLOP down, {SPACEDC_WORKLOADS} llm_inference (~32 bit per token over 2 N FLOP "
                      "per token with protocol overhead; 2e-10 at 70 B parameters)",
    "rich-output inference": f"2e-6 bit/FLOP down, {SPACEDC_WORKLOADS} multimodal_inference (a 4,096-dim FP16 "
                             "embedding per 1.4e10-FLOP pass ≈ 5e-6; images comparable)",
    "batch": f"text inference's 1e-8 bit/FLOP, {SPACEDC_WORKLOADS} llm_inference, returned whenever a station "
             "is clear (assumption: offline jobs; earth_observation products there are 5e-7)",
}


@dataclass(frozen=True)
class Chip(ParameterGroup):
    """The chosen accelerator's figures (defaults: NVIDIA H100 SXM; Model sets them from the accelerator
    chosen, compute.ACCELERATORS, and each can be overridden) and the utilisation of its peak."""

    power_w: float = parameter(700.0, "W", 0.0, 1e5, "NVIDIA H100 SXM datasheet", above_low=True)
    bf16_tflops: float = parameter(989.0, "TFLOP/s", 0.0, 1e6, "peak dense BF16, NVIDIA H100 SXM datasheet",
                                   above_low=True)
    system_overhead: float = parameter(1.82, "×", 1.0, 10.0, "DGX H100: 10.2 kW for 8 × 700 W GPUs (derived)")
    utilisation: float = parameter(1.0, "of peak", 0.0, 1.0,
                                   "assumption: 1 = peak dense BF16; a workload's sustained share of peak, "
                                   "applied to orbit and ground alike", above_low=True)

    @classmethod
    def of(cls, name, **changes):
        """The datasheet figures of accelerator `name` (a key of compute.ACCELERATORS), with `changes`."""
        chip = accelerator(name)
        return cls(**{"power_w": chip.power_w, "bf16_tflops": chip.bf16_tflops,
                      "system_overhead": chip.system_overhead, **changes})


GROUP_NAMES = ("array", "satellite", "battery", "radiator", "launch", "ground", "chip", "drag", "radiation",
               "traffic", "hardware", "operations", "facility", "sky", "reentry")


@dataclass(frozen=True)
class Model:
    """Every parameter group of the orbital and ground models, the accelerator (a key of
    compute.ACCELERATORS) and its figures (`chip`: the accelerator's datasheet unless given), and the
    "group.name" keys the user set (`user_set`: the costs' Monte Carlo holds them fixed)."""

    array: SolarArray = SolarArray()
    satellite: Satellite = Satellite()
    battery: Battery = Battery()
    radiator: Radiator = Radiator()
    launch: Launch = Launch()
    ground: Ground = Ground()
    accelerator: str = "H100"
    chip: Chip = None
    drag: Drag = Drag()
    radiation: Radiation = Radiation()
    traffic: Traffic = Traffic()
    hardware: Hardware = Hardware()
    operations: Operations = Operations()
    facility: Facility = Facility()
    sky: "Sky" = field(default_factory=lambda: Sky())  # the groups below the Model
    reentry: "Reentry" = field(default_factory=lambda: Reentry())
    user_set: frozenset = frozenset()

    def __post_init__(self):
        accelerator(self.accelerator)
        if self.chip is None:
            object.__setattr__(self, "chip", Chip.of(self.accelerator))

    def processor(self):
        """The accelerator as the model uses it (compute.Accelerator): the chip's figures, its throughput
        scaled by the utilisation (peak dense BF16 at utilisation 1)."""
        chip = self.chip
        return Accelerator(accelerator(self.accelerator).name, chip.power_w, chip.bf16_tflops * chip.utilisation,
                           chip.system_overhead)

    def sources(self):
        """Rows of (group, name, value, unit, source) for every parameter; the chip's figures cite the
        chosen accelerator's sources and the launch vehicle's figures the chosen vehicle's, or "set by
        the user" where they differ from its datasheet."""
        datasheet = accelerator(self.accelerator)
        cited = {"chip": ({k: f"{datasheet.name}: {v}" for k, v in datasheet.sources},
                          {k: getattr(datasheet, k) for k, _ in datasheet.sources}),
                 "launch": (LAUNCH_SOURCES[self.launch.vehicle], LAUNCH_VEHICLES[self.launch.vehicle])}
        rows = []
        for name in GROUP_NAMES:
            for row in getattr(self, name).sources(name):
                sources, values = cited.get(name, ({}, {}))
                if row["name"] in sources:
                    same = row["value"] == values[row["name"]]
                    row = {**row, "source": sources[row["name"]] if same else "set by the user"}
                rows.append(row)
        return rows

    def with_overrides(self, settings):
        """A copy with `settings` applied: {"group.name": value} (e.g. "ground.pue": 1.1, "chip.utilisation":
        0.4), or "accelerator" (which sets the chip's figures to its datasheet's before any "chip.*"); a
        "launch.vehicle" sets the vehicle's payload and upper stage before any other "launch.*"."""
        changes = {}
        base = self
        if "accelerator" in settings:
            base = replace(self, accelerator=settings["accelerator"], chip=None)
        if "launch.vehicle" in settings:
            vehicle = settings["launch.vehicle"]
            kept = {f.name: getattr(base.launch, f.name) for f in fields(Launch)
                    if f.name != "vehicle" and f.name not in LAUNCH_VEHICLES.get(vehicle, {})}
            base = replace(base, launch=Launch.for_vehicle(vehicle, **kept))
        for key, value in settings.items():
            if key == "accelerator":
                continue
            group_name, _, name = key.partition(".")
            group = getattr(base, group_name, None)
            if not isinstance(group, ParameterGroup):
                raise OrbitalError(f"{key}: unknown parameter group {group_name!r}; choose one of "
                                   f"{', '.join(GROUP_NAMES)}", parameter=key)
            names = [f.name for f in fields(group)]
            if name not in names:
                raise OrbitalError(f"{key}: {group_name} has no parameter {name!r}; choose one of "
                                   f"{', '.join(names)}", parameter=key)
            changes[group_name] = changes.get(group_name, group).with_(**{name: value})
        return replace(base, **changes, user_set=self.user_set | (set(settings) - {"accelerator"}))


MALLAMA_MINI = "Mallama et al. 2023, arXiv:2309.14152: Starlink Gen2 Mini, mitigated"
FERREIRA = "Ferreira et al. 2024, GRL e2024GL109280"


@dataclass(frozen=True)
class Sky(ParameterGroup):
    """The night sky from a site: the satellites' brightness and the telescope's field (orbital.sky)."""

    magnitude_1000km: float = parameter(7.87, "mag", -5.0, 20.0, f"{MALLAMA_MINI}: mean 7.87 ± 0.09 at 1,000 km "
                                        "(apparent mean 7.06 ± 0.10); the bus of every preset is taken as a Mini")
    satcon_magnitude: float = parameter(7.0, "mag", 0.0, 20.0, "SATCON-1 (Walker et al. 2020): V = 7 + 2.5 "
                                        "log10(h / 550 km) for LEO satellites")
    field_deg2: float = parameter(9.6, "deg²", 0.0, 1e3, "Rubin Observatory LSST camera field, 9.6 deg²",
                                  above_low=True)
    exposure_s: float = parameter(30.0, "s", 0.0, 3600.0, "Rubin LSST visit 2 × 15 s, 30 s", above_low=True)
    step_s: float = parameter(300.0, "s", 1.0, 3600.0, "assumption: the night sampled every 5 min")
    extinction_mag_per_airmass: float = parameter(
        0.14, "mag/airmass", 0.0, 1.0, "V-band extinction at Cerro Pachón: 0.14 central, CTIO's mean at 5,556 Å "
        "(Stone & Baldwin 1983, MNRAS 204, 347; IRAF ctioextinct.dat, 10 km away); low 0.12 (LCOGT's V at Cerro "
        "Tololo, lcogtsnpipe sites.py); high 0.17 (Rubin's kAtm g 0.214, r 0.126 at 481 and 622 nm, "
        "rubin_sims SysEngVals, interpolated to V's 551 nm)")


@dataclass(frozen=True)
class Reentry(ParameterGroup):
    """The re-entry ledger: what burns up each year and what may reach the ground (orbital.sky.reentry_ledger)."""

    alumina_kg_per_kg: float = parameter(30.0 / 250.0, "kg Al2O3 per kg", 0.0, 1.0,
                                         f"{FERREIRA}: ~30 kg of Al2O3 from a 250 kg satellite")
    natural_influx_low_t_per_year: float = parameter(3.0 * 365.25, "t/yr", 0.0, 1e7,
                                                     "Plane 2012, Chem. Soc. Rev. 41, 6507: 3–300 t/day")
    natural_influx_high_t_per_year: float = parameter(300.0 * 365.25, "t/yr", 0.0, 1e7,
                                                      "Plane 2012, Chem. Soc. Rev. 41, 6507: 3–300 t/day")
    natural_alumina_t_per_year: float = parameter(16.6, "t/yr", 0.0, 1e5, f"{FERREIRA}: natural "
                                                  "meteoroid Al2O3 ~16.6 t/yr (secondary, verify); 2022 re-entries ~17 t")
    surviving_fraction: float = parameter(0.2, "of mass", 0.0, 1.0, "assumption within Aerospace Corp. "
                                          "CORDS: 10–40 % of a re-entering spacecraft's mass survives")
    fragment_mass_kg: float = parameter(10.0, "kg", 0.0, 1e4, "assumption: surviving pieces of ~10 kg",
                                        above_low=True)
    fragment_area_m2: float = parameter(0.1, "m²", 0.0, 100.0, "assumption: ~0.1 m² cross-section each",
                                        above_low=True)
    population_per_km2: float = parameter(15.9, "people/km²", 0.0, 1e5, "world 8.1e9 people ÷ 510e6 km² "
                                          "(derived; UN WPP 2024)")
    casualty_limit: float = parameter(1e-4, "per re-entry", 0.0, 1.0, "NASA-STD-8719.14: 1 in 10,000")


ESA_2025 = "ESA Space Environment Report 2025"
MOCAT = "D'Ambrosio, Lifson & Linares 2022, arXiv:2206.05345 (MOCAT-3)"
SBM = "NASA standard breakup model, Johnson et al. 2001, Adv. Space Res. 28(9)"


@dataclass(frozen=True)
class Population(ParameterGroup):
    """Decades ahead: the source–sink model of LEO's population (orbital.population), the fleet beside
    the objects already there."""

    bin_km: float = parameter(50.0, "km", 10.0, 500.0, f"{MOCAT}: 35 bins over 200–900 km (20 km); 50 km here "
                              "over 200–2,000 km (assumption)", above_low=True)
    low_km: float = parameter(200.0, "km", 120.0, 1000.0, f"{MOCAT}: the model's lower edge")
    high_km: float = parameter(2000.0, "km", 300.0, 3000.0, "the top of LEO (IADC's protected region)")
    years: float = parameter(200.0, "years", 1.0, 1000.0, "issue 26: 50–200 years ahead", above_low=True)
    pmd_success: float = parameter(0.9, "of satellites", 0.0, 1.0, f"{MOCAT}: post-mission disposal 0.9 "
                                   "central, 0.5–0.99 explored; IADC's 90 % target")
    unavoided_share: float = parameter(0.01, "of collisions", 0.0, 1.0, f"{MOCAT}: α = 0.01, the share of an "
                                       "active satellite's collisions with tracked objects not avoided")
    background_active: float = parameter(11_000.0, "satellites", 0.0, 1e7, f"{ESA_2025}: ~11,000 active payloads")
    background_active_km: float = parameter(550.0, "km", 200.0, 2000.0, "assumption: the actives at "
                                            "Starlink's ~550 km, where most of them fly")
    background_derelict: float = parameter(4_000.0, "objects", 0.0, 1e7, "assumption: LEO's intact dead payloads "
                                           f"and rocket bodies, of the ~54,000 objects > 10 cm ({ESA_2025})")
    background_debris: float = parameter(25_000.0, "objects", 0.0, 1e8, "assumption: LEO's share of the ~54,000 "
                                         f"objects > 10 cm ({ESA_2025}) less the actives and intact derelicts")
    background_low_km: float = parameter(200.0, "km", 120.0, 3000.0, "the bottom of the inert population, spread "
                                         f"up to background_high_km by {MASTER_PROFILE} (≥ 10 cm)")
    background_high_km: float = parameter(2000.0, "km", 120.0, 3000.0, "assumption (see background_low_km)")
    derelict_mass_kg: float = parameter(1000.0, "kg", 1.0, 1e5, "assumption: an intact object ~1 t", above_low=True)
    debris_mass_kg: float = parameter(1.0, "kg", 0.001, 100.0, f"assumption: a ≥ 10 cm fragment ~1 kg ({SBM})",
                                      above_low=True)
    derelict_radius_m: float = parameter(2.0, "m", 0.0, 100.0, "assumption: an intact object's radius", above_low=True)
    debris_radius_m: float = parameter(0.1, "m", 0.0, 10.0, f"{SBM}: lethal fragments ≥ 10 cm", above_low=True)
    derelict_ballistic_m2_kg: float = parameter(0.022, "m²/kg", 0.0, 1.0, "Cd A/m = 2.2 × 0.01 m²/kg "
                                                "(assumption: an intact object)", above_low=True)
    debris_ballistic_m2_kg: float = parameter(0.22, "m²/kg", 0.0, 10.0, "Cd A/m = 2.2 × 0.1 m²/kg (assumption: "
                                              f"fragments' area-to-mass, {SBM})", above_low=True)
    fragment_length_m: float = parameter(0.1, "m", 0.001, 1.0, f"{SBM}: fragments counted from 10 cm",
                                         above_low=True)
    catastrophic_j_per_g: float = parameter(40.0, "J/g", 0.0, 1e4, f"{SBM}: catastrophic above 40 J/g of target")
