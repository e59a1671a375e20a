#!/usr/bin/env python3
"""Run the Shades filter as the mapper of a Spark job and check it agrees with a single run.

Usage (normally through scripts/spark-pipe.sh, which checks the prerequisites):
  scripts/spark_pipe.py --shades PATH [INPUT.jsonl] [--mb N] [--partitions 4] [--check-exit]

  INPUT.jsonl    JSON Lines journal entries (default: Examples/entries.jsonl)
  --mb N         instead, generate about N MB of entries with ../shared/bench/corpus.py --jsonl
                 ({"id": n, "text": ...} a line) into a temporary file
  --partitions   how many partitions to split the input into (default 4)
  --check-exit   pipe through a sh wrapper that maps the filter's exit status 1 ("nothing
                 flagged") to 0, so that rdd.pipe(checkCode=True) fails only on real errors

Steps:
  1. Spark, local[2]: sc.textFile(INPUT, minPartitions=P).pipe("SHADES --input jsonl --format
     jsonl --no-config").collect()
  2. the same filter on one machine: SHADES --input jsonl --format jsonl --no-config < INPUT
  3. SHADES analyze --input-format jsonl --format jsonl --no-config INPUT, for its per-entry stats
Checks: every output line is a JSON object with an id; each id appears exactly once; Spark's
records equal the single run's, id by id; the filter's "stats" equal analyze's per entry. The
input's records need unique ids: the filter numbers a record without one (or one it cannot
read) by its line, and under Spark that is the line within the partition.
Prints counts, timings and OK, or the first mismatch. Exit status: 0 OK, 1 mismatch, 2 error.

--no-config: rdd.pipe starts the command with an EMPTY environment (its env parameter defaults
to {}), so no HOME or XDG_CONFIG_HOME, and in the executor's working directory; a config file
(.shades.toml up the tree, ~/.config/shades/config.toml) could then apply to one run and not
the other. Every run here ignores config files so that the three are comparable.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "corpus.py"))
FILTER_ARGS = ["--input", "jsonl", "--format", "jsonl", "--no-config"]


# --- JSON parsing that remembers how numbers were written ----------------------------------
# The filter copies the id exactly as it was in the input (1, 2.50, 1e2) and analyze prints
# that same text as a string ("2.50"); Python would turn 2.50 into 2.5. These subclasses compare
# as numbers but keep their source text for the id key.
class RawInt(int):
    def __new__(cls, text):
        obj = super().__new__(cls, text)
        obj.raw = text
        return obj


class RawFloat(float):
    def __new__(cls, text):
        obj = super().__new__(cls, text)
        obj.raw = text
        return obj


def parse(line):
    return json.loads(line, parse_int=RawInt, parse_float=RawFloat)


def id_key(value):
    """The id as analyze prints it: a string as is, a number as written, else compact JSON."""
    if isinstance(value, str):
        return value
    if hasattr(value, "raw"):
        return value.raw
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def first_difference(a, b, path="$"):
    """The path and the two values of the first place where a and b differ, or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return (f"{path}.{k}", a.get(k, "<missing>"), b.get(k, "<missing>"))
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return (f"{path} (length)", len(a), len(b))
        return None
    return None if kind(a) == kind(b) and a == b else (path, a, b)


def kind(v):
    """The JSON kind of a parsed value (so that true != 1 and 1 != 1.0, as they print apart)."""
    for t in (bool, int, float, str, list, dict):
        if isinstance(v, t):
            return t
    return type(v)


# --- reading results -------------------------------------------------------------------------
class Mismatch(Exception):
    pass


def index_records(name, lines):
    """Parse output lines into {id key: record}; every line must be a JSON object with an id,
    each id once."""
    records, order = {}, []
    for n, line in enumerate(lines, 1):
        try:
            obj = parse(line)
        except ValueError as e:
            raise Mismatch(f"{name}: line {n} is not valid JSON ({e}): {line[:200]!r}")
        if not isinstance(obj, dict) or "id" not in obj:
            raise Mismatch(f"{name}: line {n} is not a JSON object with an id: {line[:200]!r}")
        key = id_key(obj["id"])
        if key in records:
            raise Mismatch(f"{name}: id {key!r} appears more than once (again on line {n})")
        records[key] = obj
        order.append(key)
    return records, order


def compare_sets(name_a, a, name_b, b):
    missing, extra = [k for k in a if k not in b], [k for k in b if k not in a]
    if missing or extra:
        raise Mismatch(f"ids differ: {len(missing)} in {name_a} only (first: {missing[:3]}), "
                       f"{len(extra)} in {name_b} only (first: {extra[:3]})")


def show(value):
    return json.dumps(value, ensure_ascii=False)[:300]


def run(cmd, stdin=None):
    """Run a command, return (stdout lines, exit status). 0 and 1 (nothing flagged) are fine; 2
    means some records could not be read, which both commands report in their output and go
    on, so it is passed on; anything else (a crash) stops the script."""
    f = open(stdin, "rb") if stdin else subprocess.DEVNULL
    try:
        p = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        if stdin:
            f.close()
    if p.returncode not in (0, 1, 2):
        sys.stderr.write(p.stderr.decode("utf-8", "replace")[-2000:])
        print(f"spark_pipe: {shlex.join(cmd)} exited with status {p.returncode}", file=sys.stderr)
        sys.exit(2)
    return p.stdout.decode("utf-8").splitlines(), p.returncode


def main():
    ap = argparse.ArgumentParser(description="Shades filter as a Spark mapper, checked against a single run.")
    ap.add_argument("input", nargs="?", default=os.path.join(REPO, "Examples", "entries.jsonl"))
    ap.add_argument("--shades", default=os.environ.get("SHADES", os.path.join(REPO, ".build", "release", "shades")))
    ap.add_argument("--mb", type=float, help="generate about this many MB with corpus.py --jsonl")
    ap.add_argument("--seed", type=int, default=7, help="corpus.py seed (with --mb)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--check-exit", action="store_true",
                    help="fail the Spark task when the filter exits with 2 or more")
    a = ap.parse_args()

    shades = os.path.abspath(a.shades)
    if not os.access(shades, os.X_OK):
        raise SystemExit(f"spark_pipe: no shades binary at {shades} (swift build -c release)")
    t_start = time.monotonic()
    tmp = tempfile.TemporaryDirectory(prefix="shades-spark.")

    if a.mb is not None:
        if not os.path.exists(CORPUS):
            raise SystemExit(f"spark_pipe: --mb needs {CORPUS}")
        path = os.path.join(tmp.name, "corpus.jsonl")
        with open(path, "wb") as out:
            subprocess.run([sys.executable, CORPUS, "--mb", str(a.mb), "--jsonl", "--seed", str(a.seed)],
                           stdout=out, check=True)
        print(f"input: {path} (generated: corpus.py --mb {a.mb:g} --jsonl --seed {a.seed})")
    else:
        path = os.path.abspath(a.input)
        print(f"input: {path}")
    size = os.path.getsize(path)
    with open(path, encoding="utf-8") as f:
        input_lines = sum(1 for line in f if line.strip())
    print(f"       {size:,} bytes, {input_lines:,} non-blank lines")

    # --- 1. Spark ---------------------------------------------------------------------------
    from pyspark import SparkConf, SparkContext

    # Quiet from the JVM's start, not only after sc.setLogLevel. The root level stays WARN
    # (Spark prints "Setting default log level to WARN" for PySpark whenever the root level is
    # another) and the console appender drops what is below SPARK_LOG_LEVEL.
    log_level = os.environ.get("SPARK_LOG_LEVEL", "ERROR").upper()
    log4j = os.path.join(tmp.name, "log4j2.properties")
    with open(log4j, "w") as f:
        f.write("rootLogger.level = warn\n"
                "rootLogger.appenderRef.stderr.ref = console\n"
                "appender.console.type = Console\n"
                "appender.console.name = console\n"
                "appender.console.target = SYSTEM_ERR\n"
                "appender.console.layout.type = PatternLayout\n"
                "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n\n"
                "appender.console.filter.threshold.type = ThresholdFilter\n"
                f"appender.console.filter.threshold.level = {log_level.lower()}\n")
    conf = (SparkConf().setMaster("local[2]").setAppName("shades-pipe")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.extraJavaOptions", f"-Dlog4j.configurationFile=file:{log4j}"))
    t0 = time.monotonic()
    sc = SparkContext(conf=conf)
    sc.setLogLevel(log_level)
    t_spark_up = time.monotonic() - t0
    try:
        lines = sc.textFile("file://" + path, minPartitions=a.partitions)
        per_partition = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
        command = shlex.join([shades] + FILTER_ARGS)
        if a.check_exit:
            # Exit status 1 only means that nothing in the partition was flagged, which is
            # normal; pass it as 0 so that checkCode=True stops the job on real errors only.
            command = shlex.join(["/bin/sh", "-c", '"$0" "$@"; s=$?; [ "$s" -le 1 ] || exit "$s"',
                                  shades] + FILTER_ARGS)
        # checkCode stays False by default: the filter exits with 1 when nothing was flagged,
        # and a partition of unremarkable entries is no failure; with checkCode=True the task
        # would raise PIPE_FUNCTION_EXITED for it. A real failure (exit 2, a crash) is then not
        # raised by Spark, but it shows below: its records are missing or differ from the
        # single run. Use --check-exit to have Spark fail the task on it instead.
        t0 = time.monotonic()
        try:
            spark_out = lines.pipe(command, checkCode=a.check_exit).collect()
        except Exception as e:  # py4j's Java error: keep its first telling line, not the trace
            text = str(e)
            why = next((l.strip() for l in text.splitlines() if "PIPE_FUNCTION_EXITED" in l),
                       text.splitlines()[0] if text else type(e).__name__)
            print(f"spark_pipe: the Spark job failed: {why}", file=sys.stderr)
            return 2
        t_spark = time.monotonic() - t0
    finally:
        sc.stop()
    print(f"spark: local[2], {len(per_partition)} partitions of {per_partition} lines; "
          f"pipe: {command}")

    # --- 2. single run, 3. analyze ----------------------------------------------------------
    t0 = time.monotonic()
    single_out, single_status = run([shades] + FILTER_ARGS, stdin=path)
    t_single = time.monotonic() - t0
    t0 = time.monotonic()
    analyze_out, analyze_status = run([shades, "analyze", "--input-format", "jsonl", "--format", "jsonl",
                                       "--no-config", path])
    t_analyze = time.monotonic() - t0

    # --- checks -------------------------------------------------------------------------------
    status = 0
    try:
        spark, spark_order = index_records("spark", spark_out)
        single, single_order = index_records("single run", single_out)
        analyze, _ = index_records("analyze", analyze_out)
        print(f"records: spark {len(spark):,}, single run {len(single):,} (exit {single_status}), "
              f"analyze {len(analyze):,} (exit {analyze_status})")
        if len(single) != input_lines:
            raise Mismatch(f"the single run wrote {len(single):,} records for {input_lines:,} input lines")
        compare_sets("spark", spark, "single run", single)
        for key in single_order:
            d = first_difference(spark[key], single[key])
            if d:
                raise Mismatch(f"id {key!r}: spark and the single run differ at {d[0]}:\n"
                               f"  spark:      {show(d[1])}\n  single run: {show(d[2])}")
        print(f"  spark == single run: {len(single):,} records equal, id by id; "
              f"order {'kept' if spark_order == single_order else 'NOT kept'}")
        compare_sets("filter", single, "analyze", analyze)
        errors = 0
        for key in single_order:
            if "error" in single[key] or "error" in analyze[key]:
                # A record that could not be read has no stats; it must be one in both.
                if not ("error" in single[key] and "error" in analyze[key]):
                    raise Mismatch(f"id {key!r}: an error in only one of them:\n"
                                   f"  filter:  {show(single[key])}\n  analyze: {show(analyze[key])}")
                errors += 1
                continue
            f_stats, a_stats = single[key].get("stats"), analyze[key].get("stats")
            if f_stats is None or a_stats is None or first_difference(f_stats, a_stats):
                d = first_difference(f_stats, a_stats, "stats") or ("stats", f_stats, a_stats)
                raise Mismatch(f"id {key!r}: the filter's stats and analyze's differ at {d[0]}:\n"
                               f"  filter:  {show(d[1])}\n  analyze: {show(d[2])}")
        flagged = sum(1 for r in single.values() if r.get("findings"))
        print(f"  filter stats == analyze stats: {len(single) - errors:,} entries ({flagged:,} flagged)"
              + (f"; {errors:,} unreadable in both" if errors else ""))
        print("OK")
    except Mismatch as e:
        print(f"MISMATCH: {e}")
        status = 1

    total = time.monotonic() - t_start
    print(f"time: spark start {t_spark_up:.1f}s, spark pipe+collect {t_spark:.2f}s, "
          f"single run {t_single:.2f}s, analyze {t_analyze:.2f}s, total {total:.1f}s")
    tmp.cleanup()
    return status


if __name__ == "__main__":
    sys.exit(main())
