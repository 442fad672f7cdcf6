"""The whole bill on both sides (issue 23): levelised total cost of ownership in orbit and on the ground,
the delivered-compute waterfall, an honest Monte Carlo, and what would have to be true.

Front door for the costs stage:

    orbit_and_ground_costs(fleet: FleetInputs, model: parameters.Model,
                           user_set: frozenset[str] = frozenset()) -> CostComparison

`fleet` is plain numbers per shell (inputs.FleetInputs; fill payload_per_flight_kg with
flights.payload_to_shell_kg, or leave it None to have it computed from model.launch and the vehicle);
`model` gives every price (groups hardware, operations, facility; launch and ground); `user_set` is the
"group.name" keys the user set (they stay fixed in the Monte Carlo; a launch.price_usd_per_kg set by
the user prices each flight at that × the rated payload, without learning).
"""

from .costs import CostComparison, orbit_and_ground_costs
from .inputs import FleetInputs, drivers

__all__ = ["CostComparison", "FleetInputs", "drivers", "orbit_and_ground_costs"]
