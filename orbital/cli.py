"""The `orbital` command line: positions, sunlit statistics and fleet summaries as a table or JSON.

`python -m orbital` runs `main` with the engine's commands only; the installed `orbital` script
(components/cli.py) is the same command line with the dashboard's `export` added as a `Command`, so
nothing here imports the web."""

import argparse
import os
import sys
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
import orjson

from .assessment import assess, comparison, format_value
from .catalogue import MAX_CATALOGUE_BYTES, from_tle
from .compute import ACCELERATORS
from .constants import DAY_S, JULIAN_YEAR_S
from .constellation import combine, parse_local_time_h, sun_synchronous, walker
from .errors import OrbitalError
from .fleet import FLEET_YEAR_STEP_S, fleet_year, shell_rows
from .layout import layered
from .network.report import network
from .network.year import network_year
from .parameters import ECLIPSE_MODES, LAUNCH_VEHICLES, Model, Population
from .presets import PRESETS, preset
from .propagation import propagate
from .statistics import group_maxima, group_means, sample_indices, sunlight_statistics
from .timeutil import at, parse_iso, times
from .traffic import approaches_csv, traffic
from . import population, sky
from .record import plain
from .stages.rules import sky_rules

SHELL_HELP = """\
--shell SPEC  (repeat for several shells)
  ALT_KM,INC_DEG,T/P/F     Walker-delta shell: altitude km, inclination deg, Walker t/p/f
  ALT_KM,sso@HH:MM,T/P/F   sun-synchronous shell: inclination from J2, ascending node at HH:MM
                           local mean time (06:00 or 18:00 is dawn-dusk)
  e.g. --shell 550,53,1584/72/17 --shell 650,sso@18:00,81/9/1
"""

# Above this many satellites, `sunlit` reports per shell from a strided sample of each shell.
PER_SATELLITE_LIMIT = 5000
# Satellites compare --json follows through each night (a random sample of larger fleets, counts scaled).
COMPARE_SKY_SATELLITES = 50_000


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message):
        raise OrbitalError(f"{message} (see {self.prog} --help)", parameter="arguments")


def parse_shell(spec):
    """A Shell from 'ALT_KM,INC_DEG,T/P/F' or 'ALT_KM,sso@HH:MM,T/P/F'."""
    parts = spec.split(",")
    if len(parts) != 3:
        raise OrbitalError(f"--shell: {spec!r} is not ALT_KM,INC_DEG,T/P/F or ALT_KM,sso@HH:MM,T/P/F",
                           parameter="--shell")
    try:
        altitude_km = float(parts[0])
        t, p, f = (int(x) for x in parts[2].split("/"))
    except ValueError:
        raise OrbitalError(f"--shell: {spec!r} is not ALT_KM,INC_DEG,T/P/F or ALT_KM,sso@HH:MM,T/P/F",
                           parameter="--shell") from None
    inclination = parts[1].strip().lower()
    if inclination.startswith("sso"):
        ltan_h = parse_local_time_h(inclination[4:]) if inclination.startswith("sso@") else 18.0
        return sun_synchronous(altitude_km, ltan_h, t, p, f)
    try:
        inclination_deg = float(inclination)
    except ValueError:
        raise OrbitalError(f"--shell: inclination {parts[1]!r} is neither degrees nor sso@HH:MM",
                           parameter="--shell") from None
    return walker(altitude_km, inclination_deg, t, p, f)


def said_skipped(constellation):
    """The catalogue, after one line on standard error for the bad records it skipped, if any."""
    skipped = [group.skipped for group in constellation.groups if group.skipped]
    if skipped:
        print(f"orbital: skipped {sum(s.count for s in skipped):,} bad records (the first: {skipped[0][0]})",
              file=sys.stderr)
    return constellation


def load_constellation(args):
    """The constellation the arguments name: a catalogue file or standard input (read with a cap),
    a preset, or designed shells."""
    if args.tle == "-":
        data = sys.stdin.buffer.read(MAX_CATALOGUE_BYTES + 1)
        if len(data) > MAX_CATALOGUE_BYTES:
            raise OrbitalError(f"--tle -: standard input is larger than the {MAX_CATALOGUE_BYTES:,} bytes allowed",
                               parameter="--tle")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise OrbitalError("--tle -: standard input is not text (TLE, 3LE or OMM expected)",
                               parameter="--tle") from None
        return said_skipped(from_tle(text=text, name="stdin", skip_bad=args.skip_bad))
    if args.tle:
        return said_skipped(from_tle(args.tle, skip_bad=args.skip_bad))
    if args.preset:
        return preset(args.preset)
    return combine(*(parse_shell(s) for s in args.shell), name="shells")


def add_source(parser):
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--tle", metavar="FILE", help="TLE, 3LE or OMM (CelesTrak JSON/CSV) file; - reads standard input")
    source.add_argument("--preset", metavar="NAME", help=f"one of: {', '.join(PRESETS)}")
    source.add_argument("--shell", metavar="SPEC", action="append", help="designed shell (see above)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="with --tle: skip records that are malformed or impossible, and say how many")
    add_output(parser)


def add_output(parser):
    parser.add_argument("--json", action="store_true", help="JSON on stdout instead of a table")


def add_span(parser, hours_default=None):
    parser.add_argument("--start", required=True, metavar="ISO8601", help="start time, UTC")
    span = parser.add_mutually_exclusive_group(required=hours_default is None)
    span.add_argument("--hours", type=float, default=hours_default)
    span.add_argument("--days", type=float)
    parser.add_argument("--step-s", type=float, default=60.0, help="sample step in seconds (default 60)")


def add_every(parser):
    """--every: follow 1 in N satellites through a night (orbital.sky's sampling)."""
    parser.add_argument("--every", type=int, default=None, metavar="N",
                        help="follow 1 in N satellites, counts scaled (default: 1; compare: enough for 50,000)")


def add_sky(parser):
    """compare's night-sky options: the site, the night (default: both solstices) and the sampling."""
    parser.add_argument("--site", default="rubin", help=f"observatory: one of {', '.join(sky.SITES)} (default rubin)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="local date a night starts (default: both solstices "
                        "of --start's year)")
    add_every(parser)


def sky_every(args):
    """--every, checked (None when not given)."""
    if args.every is not None and args.every < 1:
        raise OrbitalError(f"--every: {args.every} is not a whole number of at least 1", parameter="--every")
    return args.every


MODEL_HELP = """
--set GROUP.NAME=VALUE  (repeat) overrides a model parameter, e.g. --set ground.pue=1.1
  groups: array, satellite, battery, radiator, launch, ground, chip, drag, radiation, traffic,
  hardware, operations, facility, sky, reentry
  (see `orbital sources`)
"""


def add_model(parser):
    parser.add_argument("--start", default="2026-01-01T00:00:00Z", metavar="ISO8601")
    parser.add_argument("--days", type=float, default=JULIAN_YEAR_S / DAY_S)
    parser.add_argument("--step-s", type=float, default=1800.0)
    parser.add_argument("--sample", type=int, default=200, metavar="N", help="satellites per shell")
    parser.add_argument("--accelerator", default="H100", help=f"one of: {', '.join(ACCELERATORS)}")
    parser.add_argument("--eclipse", choices=ECLIPSE_MODES, default="throttle",
                        help="compute in eclipse: throttle to zero, or carry it on a battery")
    parser.add_argument("--vehicle", choices=list(LAUNCH_VEHICLES), help="launch vehicle: its payload and upper stage")
    parser.add_argument("--set", action="append", default=[], metavar="GROUP.NAME=VALUE", dest="settings")


def add_population(commands):
    """The population command and its options."""
    command = commands.add_parser("population", help="LEO's population over decades with and without the fleet "
                                  "(source–sink model) and the CRASH clock", epilog=SHELL_HELP + MODEL_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(command)
    add_model(command)
    defaults = Population()
    command.add_argument("--years", type=float, default=defaults.years, help=f"years ahead (default {defaults.years:g})")
    command.add_argument("--pmd", type=float, default=defaults.pmd_success,
                         help=f"post-mission disposal success, 0–1 (default {defaults.pmd_success:g})")
    command.add_argument("--unavoided", type=float, default=defaults.unavoided_share,
                         help=f"share of an active's collisions not avoided (default {defaults.unavoided_share:g})")


def parse_setting(text):
    """('group.name', value) from 'group.name=value'; the value is a number where it reads as one."""
    key, sep, value = text.partition("=")
    if not sep or "." not in key:
        raise OrbitalError(f"--set: {text!r} is not GROUP.NAME=VALUE", parameter="--set")
    try:
        number = float(value)
    except ValueError:
        return key.strip(), value.strip()
    return key.strip(), int(number) if number.is_integer() and "." not in value else number


def model_from_args(args):
    """The model of --accelerator, --eclipse, --vehicle and the --set values; only the --set keys count as
    set by the user (the costs' Monte Carlo holds them fixed)."""
    explicit = dict(parse_setting(text) for text in args.settings)
    settings = dict(explicit)
    settings.setdefault("accelerator", args.accelerator)
    settings.setdefault("satellite.eclipse_mode", args.eclipse)
    if args.vehicle:
        for name, value in {**LAUNCH_VEHICLES[args.vehicle], "vehicle": args.vehicle}.items():
            settings.setdefault(f"launch.{name}", value)
    return replace(Model().with_overrides(settings), user_set=frozenset(explicit) - {"accelerator"})


def build_parser(extra_commands=()):
    parser = Parser(prog="orbital", description="Sunlight and solar power of satellite constellations.",
                    epilog=SHELL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    positions = commands.add_parser("positions", help="geodetic positions at one time",
                                    epilog=SHELL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(positions)
    positions.add_argument("--at", required=True, metavar="ISO8601", help="time, UTC")
    sunlit = commands.add_parser("sunlit", help="sunlit fraction and eclipses over a span",
                                 epilog=SHELL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(sunlit)
    add_span(sunlit)
    sunlit.add_argument("--sample", type=int, default=500, metavar="N",
                        help=f"satellites per shell when reporting per shell (above {PER_SATELLITE_LIMIT:,} satellites)")
    for name, text in (("summary", "a year of sunlight, power, compute, heat, launch and the ground comparison"),
                       ("compare", "orbital against terrestrial data center, side by side")):
        command = commands.add_parser(name, help=text, epilog=SHELL_HELP + MODEL_HELP,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        add_source(command)
        add_model(command)
        if name == "compare":
            add_sky(command)
    fleet = commands.add_parser("fleet-year", help="a calendar year of sunlight for every orbit plane of the fleet",
                                epilog=SHELL_HELP + MODEL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(fleet)
    fleet.add_argument("--year", type=int, default=2026, help="calendar year (default 2026)")
    fleet.add_argument("--step-s", type=float, default=FLEET_YEAR_STEP_S,
                       help=f"sample step in seconds (default {FLEET_YEAR_STEP_S:g})")
    fleet.add_argument("--set", action="append", default=[], metavar="GROUP.NAME=VALUE", dest="settings")
    traffic_parser = commands.add_parser("traffic", help="close approaches among the satellites, collision "
                                         "probability and avoidance manoeuvres", epilog=SHELL_HELP + MODEL_HELP,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(traffic_parser)
    traffic_parser.add_argument("--start", default="2026-06-21T00:00:00Z", metavar="ISO8601")
    traffic_parser.add_argument("--hours", type=float, default=24.0, help="window (default 24)")
    traffic_parser.add_argument("--screen-km", type=float, help="screening distance (default: traffic.screen_km)")
    traffic_parser.add_argument("--csv", metavar="PATH", help="also write the close-approach table as CSV")
    traffic_parser.add_argument("--layers", metavar="THICKNESS_KM,DISTANCE_KM",
                                help="screen the design that splits each shell into layers (orbital.layout)")
    traffic_parser.add_argument("--set", action="append", default=[], metavar="GROUP.NAME=VALUE", dest="settings")
    network_parser = commands.add_parser("network", help="links, cluster bisection, downlink, city latency and "
                                         "the network factor per workload", epilog=SHELL_HELP,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(network_parser)
    network_parser.add_argument("--start", default="2026-01-01T00:00:00Z", metavar="ISO8601")
    network_parser.add_argument("--hours", type=float, default=1.5, help="window (default 1.5)")
    network_parser.add_argument("--step-s", type=float, default=900.0, help="time step, s (default 900)")
    sky_parser = commands.add_parser("sky", help="lit satellites over a site through the astronomical night, "
                                     "their magnitudes against SATCON-1 and streaks per exposure",
                                     epilog=SHELL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_source(sky_parser)
    add_every(sky_parser)
    sky_parser.add_argument("--set", action="append", default=[], metavar="sky.NAME=VALUE", dest="settings")
    sky_parser.add_argument("--site", default="rubin", help="observatory (default rubin)")
    sky_parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="local date the night starts")
    add_population(commands)
    sources = commands.add_parser("sources", help="every model parameter with its unit and source")
    add_output(sources)
    sources.add_argument("--vehicle", choices=list(LAUNCH_VEHICLES), help="cite this launch vehicle's figures")
    for command in extra_commands:
        command.add_arguments(commands.add_parser(command.name, help=command.help))
    return parser


def command_positions(args):
    constellation = load_constellation(args)
    t = at(args.at)
    state = propagate(constellation, t)
    names = constellation.names()
    lat, lon, alt = state.lat_deg[:, 0], state.lon_deg[:, 0], state.alt_km[:, 0]
    error = state.error[:, 0]
    return [{"name": n, "lat_deg": round(float(a), 6), "lon_deg": round(float(b), 6),
             "alt_km": round(float(h), 4), **({"error": int(e)} if e else {})}
            for n, a, b, h, e in zip(names, lat, lon, alt, error)]


def _check_sample(sample):
    if sample < 1:
        raise OrbitalError(f"--sample: {sample} must be at least 1", parameter="--sample")


def command_sunlit(args):
    constellation = load_constellation(args)
    t = times(args.start, hours=args.hours if args.days is None else None, days=args.days, step_s=args.step_s)
    if constellation.count <= PER_SATELLITE_LIMIT:
        stats = sunlight_statistics(constellation, t)
        return [{"name": n, "sunlit_fraction": round(float(f), 6), "mean_illumination": round(float(m), 6),
                 "eclipse_minutes_max": round(float(e) / 60.0, 3)}
                for n, f, m, e in zip(constellation.names(), stats["sunlit_fraction"],
                                      stats["mean_illumination"], stats["eclipse_max_s"])]
    _check_sample(args.sample)
    picks = sample_indices(constellation, args.sample)
    stats = sunlight_statistics(constellation.subset(picks), t)
    sunlit = group_means(constellation, picks, stats["sunlit_fraction"])
    mean = group_means(constellation, picks, stats["mean_illumination"])
    eclipse = group_maxima(constellation, picks, stats["eclipse_max_s"])
    sampled = np.bincount(constellation.group_index()[picks], minlength=len(constellation.groups))
    return [{"name": g.name, "satellites": g.count, "satellites_sampled": int(k),
             "sunlit_fraction": round(float(f), 6), "mean_illumination": round(float(m), 6),
             "eclipse_minutes_max": round(float(e) / 60.0, 3)}
            for g, k, f, m, e in zip(constellation.groups, sampled, sunlit, mean, eclipse)]


def assessment(args):
    _check_sample(args.sample)
    model = model_from_args(args)
    constellation = load_constellation(args)
    return assess(constellation, times(args.start, days=args.days, step_s=args.step_s), model, args.sample)


def command_summary(args):
    return assessment(args).to_json()


def command_compare(args):
    """The comparison table (rows, all in); with --json, every stage's record beside it and the night
    sky at --site on --date (or both solstices), without its series."""
    result = assessment(args)
    if not args.json:
        return comparison(result)
    constellation = load_constellation(args)
    every = sky_every(args) or max(1, -(-constellation.count // COMPARE_SKY_SATELLITES))
    dates = [args.date] if args.date else [f"{args.start[:4]}-06-21", f"{args.start[:4]}-12-21"]
    nights = [sky.night_sky(constellation, sky.site(args.site), date, model_from_args(args).sky, every)
              for date in dates]
    return {**result.to_json(), **comparison(result),
            "sky": [{k: v for k, v in night.items() if k != "series"} for night in nights]}


def command_fleet_year(args):
    settings = dict(parse_setting(text) for text in args.settings)
    result = fleet_year(load_constellation(args), args.year, Model().with_overrides(settings).array, args.step_s)
    return {"year": result["year"], "step_s": result["step_s"], "satellites": result["satellites"],
            "planes": result["planes"], "sunlit_fraction": result["sunlit_fraction"],
            "energy_twh_per_year": result["energy_twh_per_year"], "shells": shell_rows(result)}


# Longest traffic window, hours (a week: beyond it the secular model's drift matters more than the screening).
TRAFFIC_HOURS_MAX = 168.0


def parse_layers(text):
    """(thickness km, distance km) from "THICKNESS_KM,DISTANCE_KM"."""
    try:
        thickness_km, distance_km = (float(part) for part in text.split(","))
    except ValueError:
        raise OrbitalError(f"--layers: {text!r} is not THICKNESS_KM,DISTANCE_KM", parameter="--layers") from None
    return thickness_km, distance_km


def command_traffic(args):
    if not 0.0 < args.hours <= TRAFFIC_HOURS_MAX:
        raise OrbitalError(f"--hours: {args.hours:g} is outside the allowed range above 0 to {TRAFFIC_HOURS_MAX:g}",
                           parameter="--hours")
    settings = dict(parse_setting(text) for text in args.settings)
    if args.screen_km is not None:
        settings["traffic.screen_km"] = args.screen_km
    model = Model().with_overrides(settings)
    constellation = load_constellation(args)
    if args.layers:
        constellation = layered(constellation, *parse_layers(args.layers))
    result = traffic(constellation, at(args.start), args.hours * 3600.0, model)
    if args.csv:
        with open(args.csv, "w", encoding="utf-8") as out:
            out.write(approaches_csv(result))
    if not args.json:
        result = {key: value for key, value in result.items() if key not in ("approaches", "miss_histogram")}
    return result


def command_sources(args):
    return (Model().with_overrides({"launch.vehicle": args.vehicle}) if args.vehicle else Model()).sources()


def flat(row):
    """A row with its nested dicts spread out as 'outer.inner' keys."""
    out = {}
    for key, value in row.items():
        if isinstance(value, dict):
            out.update({f"{key}.{inner}": v for inner, v in value.items()})
        else:
            out[key] = value
    return out


def table(rows):
    """Plain text table of a list of dicts (nested dicts spread out, nested lists left out)."""
    rows = [flat(row) for row in rows]
    keys = [k for k in rows[0] if not isinstance(rows[0][k], list)]
    cells = [[str(row.get(k, "")) for k in keys] for row in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    lines = ["  ".join(k.ljust(w) for k, w in zip(keys, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join(lines) + "\n"


def command_network(args):
    """The network analysis over the window, with the costs stage's closed form and verdict per workload
    (an assessment at the default model over a year from --start)."""
    constellation = load_constellation(args)
    result = network(constellation, args.start, args.hours, args.step_s)
    costs = assess(constellation, times(args.start, days=JULIAN_YEAR_S / DAY_S, step_s=1800.0), Model(), 200).costs
    return {**result, "capacity": costs.network.to_json(), "workloads": [row.to_json() for row in costs.workloads],
            "year": network_year(constellation, parse_iso(args.start).year)}


def command_population(args):
    """The population outlook (orbital.population) for the assessed fleet: the --json record, or its
    figures at a few years."""
    model = model_from_args(args)
    params = Population().with_(years=args.years, pmd_success=args.pmd, unavoided_share=args.unavoided)
    result = population.outlook(population.fleet_inputs(assessment(args), model), model.drag, params)
    return result.to_json() if args.json else population.summary(result)


def command_sky(args):
    """The night at the site, and the sky and upper-air rules (SATCON-1 per shell, the re-entries' Al2O3)."""
    settings = dict(parse_setting(text) for text in args.settings)
    model = Model().with_overrides(settings)
    constellation = load_constellation(args)
    result = sky.night_sky(constellation, sky.site(args.site), args.date, model.sky, sky_every(args) or 1)
    result["rules"] = plain(sky_rules(constellation, model))
    return result if args.json else {k: v for k, v in result.items() if k != "series"}


COMMANDS = {"population": command_population, "network": command_network, "sky": command_sky, "positions": command_positions, "sunlit": command_sunlit, "summary": command_summary,
            "compare": command_compare, "fleet-year": command_fleet_year, "traffic": command_traffic,
            "sources": command_sources}


@dataclass(frozen=True)
class Command:
    """A subcommand that a program built on the engine adds to this command line (main's
    `extra_commands`): add_arguments(parser) declares its options, run(args) returns what to print."""

    name: str
    help: str
    add_arguments: Callable
    run: Callable


def sections(result):
    """Plain text of a nested dict: a heading per section, then `name  value` lines; lists as tables."""
    lines, tables = [], []

    def is_table(value):
        return isinstance(value, list) and value and isinstance(value[0], dict)

    for key, value in result.items():
        if isinstance(value, dict):
            lines.append(f"\n[{key}]")
            items = flat(value)
            scalars = {name: v for name, v in items.items() if not is_table(v)}
            width = max(map(len, scalars), default=0)
            lines += [f"{name.ljust(width)}  {format_value(v)}" for name, v in scalars.items()]
            tables += [f"[{key}.{name}]\n" + table([{k: format_value(x) for k, x in flat(row).items()} for row in v])
                       for name, v in items.items() if is_table(v)]
        elif is_table(value):
            tables.append(f"[{key}]\n" + table([{k: format_value(v) for k, v in flat(row).items()} for row in value]))
        elif isinstance(value, list) and value and isinstance(value[0], str):
            lines += [f"{key.rstrip('s')}: {item}" for item in value]
        elif not isinstance(value, list):
            lines.append(f"{key}: {format_value(value)}")
    return "\n".join(lines).lstrip("\n") + "\n\n" + "\n".join(tables)


def main(argv=None, extra_commands=()):
    """Run the command line, with `extra_commands` (Command) beside the engine's own; returns the
    exit status (0, or 2 for bad input)."""
    run = {**COMMANDS, **{command.name: command.run for command in extra_commands}}
    try:
        args = build_parser(extra_commands).parse_args(argv)
        result = run[args.command](args)
    except OrbitalError as exc:
        print(f"orbital: error: {exc}", file=sys.stderr)
        return 2
    except MemoryError:
        print("orbital: error: out of memory; use fewer satellites or a shorter span", file=sys.stderr)
        return 2
    try:
        if args.json:
            sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
        else:
            sys.stdout.write(sections(result) if isinstance(result, dict) else table(result))
        sys.stdout.flush()
    except OSError as exc:
        print(f"orbital: error: cannot write the output ({exc.strerror})", file=sys.stderr)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is left unwritten goes nowhere
        return 2
    return 0
