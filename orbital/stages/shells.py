"""The shells stage: one row per shell gathering what the other stages give it, as tables show it."""

from ..record import Record, record


@record
class ShellRow(Record):
    """One shell's satellite: sunlight, power (W), eclipse (min), compute, battery (kg), radiator (m²),
    cells (°C), mass (kg), the payload (kg) and launches that deploy the shell, and the smallest distance (km)
    two of its satellites ever come to (the design stage's; None for a catalogue or a single satellite)."""

    name: str
    satellites: int
    satellites_sampled: int
    sunlit_fraction: float
    mean_array_power_w: float
    longest_eclipse_min: float
    accelerators_per_satellite: int
    delivered_pflops_per_satellite: float
    battery_kg: float
    radiator_m2: float
    cell_temperature_c: float
    earth_view_factor: float
    mass_kg: float
    payload_kg: float
    launches: int
    design_min_distance_km: float | None


@record
class Shells(Record):
    """A row per shell, in the constellation's order."""

    rows: tuple[ShellRow, ...]


def shells(scenario, fleet, sizing, operation, mass, launch, design) -> Shells:
    """The shells stage."""
    designed = {row.shell: row.min_distance_km for row in design.shells}
    columns = (fleet.shell_names, fleet.shell_satellites, fleet.shell_sampled, operation.sunlit_fraction,
               operation.array_w, sizing.worst_eclipse_s, sizing.accelerators_per_satellite,
               operation.delivered_pflops, sizing.battery_kg, sizing.radiator_m2, sizing.cell_temperature_c,
               sizing.earth_view_factor, mass.by_shell.total_kg, launch.payload_kg, launch.shell_launches)
    return Shells(rows=tuple(
        ShellRow(name=g, satellites=int(n), satellites_sampled=int(k), sunlit_fraction=float(f),
                 mean_array_power_w=float(p), longest_eclipse_min=float(e / 60.0), accelerators_per_satellite=int(a),
                 delivered_pflops_per_satellite=float(d), battery_kg=float(b), radiator_m2=float(r),
                 cell_temperature_c=float(c), earth_view_factor=float(v), mass_kg=float(m), payload_kg=float(w),
                 launches=int(ln), design_min_distance_km=designed.get(g))
        for g, n, k, f, p, e, a, d, b, r, c, v, m, w, ln in zip(*columns)))
