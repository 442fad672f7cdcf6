"""The mass stage: each shell's satellite by part, the drag its dry mass meets (NRLMSIS 2.1 at solar
minimum and maximum), and the propellant that holds its orbit over the life and lowers it at the end."""

import numpy as np

from ..shielding import ALUMINIUM_G_CM3
from ..drag import disposal_delta_v_m_s, propellant_kg, shell_drag
from ..record import FloatArray, Record, record


@record
class MassParts(Record):
    """The fleet's mean satellite by part and in total, kg."""

    bus_and_arrays_kg: float
    compute_kg: float
    shielding_kg: float
    radiator_kg: float
    battery_kg: float
    propellant_kg: float
    total_kg: float


@record
class ShellMassParts(Record):
    """Each shell's satellite by part and in total, kg ((shells,) arrays)."""

    bus_and_arrays_kg: FloatArray
    compute_kg: FloatArray
    shielding_kg: FloatArray
    radiator_kg: FloatArray
    battery_kg: FloatArray
    propellant_kg: FloatArray
    total_kg: FloatArray


@record
class SolarPhase(Record):
    """Drag on a shell's satellite at one phase of the solar cycle."""

    density_kg_m3: float
    delta_v_m_s_per_year: float
    propellant_kg_per_year: float
    dead_satellite_years: float


@record
class DragRow(Record):
    """One shell's drag (drag.shell_drag) and the Δv and propellant of its life."""

    shell: str
    satellites: int
    altitude_km: float
    ballistic_m2_kg: float
    solar_min: SolarPhase
    solar_max: SolarPhase
    station_keeping_delta_v_m_s: float
    disposal_delta_v_m_s: float
    propellant_kg: float


@record
class Mass(Record):
    """Per shell by part ((shells,) arrays), the fleet's mean satellite by part, and drag per shell."""

    by_shell: ShellMassParts
    per_satellite: MassParts
    drag: tuple[DragRow, ...]


def dry_mass_kg(satellite, accelerators, radiator_m2, battery_kg, shield_mm):
    """A satellite's dry mass by part, kg (each shaped as the arrays given, per shell); the shielding is
    `shield_mm` of aluminium over each accelerator's shielded area."""
    return {"bus_and_arrays": np.full(np.shape(accelerators), satellite.mass_kg),
            "compute": accelerators * satellite.compute_kg_per_accelerator,
            "shielding": accelerators * satellite.shielded_cm2_per_accelerator * shield_mm / 10.0
            * ALUMINIUM_G_CM3 / 1000.0,
            "radiator": radiator_m2 * satellite.radiator_kg_per_m2,
            "battery": np.asarray(battery_kg, dtype=float) + np.zeros(np.shape(accelerators))}


def mass(scenario, fleet, sizing) -> Mass:
    """The mass stage: drag on the dry satellite (what a dead one weighs, and, conservatively, the
    station keeping: the mean of solar minimum and maximum over the life) sets the propellant (rocket
    equation to the disposal perigee too)."""
    model, lifetime = scenario.model, scenario.model.satellite.lifetime_years
    dry = dry_mass_kg(model.satellite, sizing.accelerators_per_satellite, sizing.radiator_m2, sizing.battery_kg,
                      model.radiation.shield_mm)
    dry_kg = sum(dry.values())
    area_m2 = model.array.area_m2
    drag = [shell_drag(h, i, area_m2 + float(r), float(m), model.drag)
            for h, i, r, m in zip(fleet.altitude_km, fleet.inclination_deg, sizing.radiator_m2, dry_kg)]
    keeping_m_s = np.array([(row["solar_min"]["delta_v_m_s_per_year"] + row["solar_max"]["delta_v_m_s_per_year"])
                            / 2.0 for row in drag]) * lifetime
    disposal_m_s = disposal_delta_v_m_s(fleet.altitude_km, model.drag.disposal_perigee_km)
    parts = dict(dry, propellant=propellant_kg(dry_kg, keeping_m_s + disposal_m_s, model.drag.isp_s))
    parts["total"] = dry_kg + parts["propellant"]
    rows = tuple(DragRow(shell=name, satellites=int(n), altitude_km=row["altitude_km"],
                         ballistic_m2_kg=float(row["ballistic_m2_kg"]), solar_min=SolarPhase(**row["solar_min"]),
                         solar_max=SolarPhase(**row["solar_max"]), station_keeping_delta_v_m_s=float(keep),
                         disposal_delta_v_m_s=float(dispose), propellant_kg=float(kg))
                 for name, n, row, keep, dispose, kg in zip(fleet.shell_names, fleet.shell_satellites, drag,
                                                             keeping_m_s, disposal_m_s, parts["propellant"]))
    return Mass(by_shell=ShellMassParts(**{f"{part}_kg": np.asarray(kg, dtype=float) for part, kg in parts.items()}),
                per_satellite=MassParts(**{f"{part}_kg": fleet.fleet_mean(kg) for part, kg in parts.items()}),
                drag=rows)
