"""Runs the real-sites bench (#20); started by real-sites.sh, which installs what it needs. See that file's header.

nginx serves each documentation set on 127.0.0.1 (one server without latency, one that sleeps 50 ms before every
response), wget and every crawlcase mode crawl it as whole processes, repetitions interleaved (the order of the
crawlers rotates each round). nginx's access log (one per server, read per run) is the ground truth for what a
crawler asked: pages (HTML 200s), the set of URLs, the time of the first request and that every response of a
latency server took at least 50 ms. CPU seconds are user+sys of the crawler's process (wait4; its children
included)."""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

DOCSETS = {
    "python": {"package": "python3.11-doc", "root": "/usr/share/doc/python3.11/html",
               "about": "Python 3.11 documentation (Sphinx): large, parse-heavy pages"},
    "postgres": {"package": "postgresql-doc-15", "root": "/usr/share/doc/postgresql-doc-15/html",
                 "about": "PostgreSQL 15 documentation (DocBook): many smaller pages"},
}
MODES = ["sequential", "thread-pool", "poll", "selector", "async", "virtual", "io-uring"]
CONCURRENCY = 64
LATENCY_S = 0.05
LOG_FORMAT = '$msec $status "$sent_http_content_type" $request_time $request_uri'


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_conf(work, servers):
    blocks = []
    for s in servers:
        sleep = f"echo_sleep {LATENCY_S}; echo_exec @static;" if s["latency"] else "try_files $uri/index.html $uri =404;"
        blocks.append(f"""
  server {{
    listen 127.0.0.1:{s['port']};
    root {DOCSETS[s['docset']]['root']};
    access_log {s['log']} timed;
    location / {{ {sleep} }}
    location @static {{ try_files $uri/index.html $uri =404; }}
  }}""")
    temps = " ".join(f"{k}_temp_path {work}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""load_module /usr/share/nginx/modules/ngx_http_echo_module.so;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format timed '{LOG_FORMAT}';
  {temps}
  {''.join(blocks)}
}}
"""


def read_log(path, offset):
    with open(path) as f:
        f.seek(offset)
        lines = f.read().splitlines()
    out = []
    for line in lines:
        m = re.match(r'(\S+) (\d+) "([^"]*)" (\S+) (.*)$', line)
        out.append({"t": float(m[1]), "status": int(m[2]), "type": m[3], "rt": float(m[4]), "uri": m[5]})
    return out


def timed(cmd, log_path, cwd):
    offset = os.path.getsize(log_path)
    started = time.time()
    t0 = time.monotonic()
    with open(os.path.join(cwd, "stderr"), "w") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"exit": proc.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "user": usage.ru_utime, "sys": usage.ru_stime, "started": started,
            "requests": read_log(log_path, offset)}


def crawlcase_cmd(java, jar, mode, seed, out, jvm_flags):
    return [java, *jvm_flags, "-jar", jar, "run", "--quiet", "--mode", mode, "--concurrency", str(CONCURRENCY),
            "--per-host", str(CONCURRENCY), "--delay", "0", "--out", f"{out}/records.jsonl",
            "--summary", f"{out}/summary.json", seed]


def wget_cmd(seed, out):
    # --follow-tags=a: like crawlcase (links.sources ["a"]), only <a href> is followed, no images, CSS or scripts
    return ["wget", "-r", "-l", "inf", "-np", "--follow-tags=a", "-nv", "--delete-after", "-P", out, seed]


def ideal_seconds(crawler, requests, records):
    """The floor with zero CPU: wget and sequential wait out each response in turn (the sum of nginx's times);
    the concurrent modes need one latency per link level (robots.txt first), and at least requests/64 latencies."""
    if crawler in ("wget", "sequential"):
        return sum(r["rt"] for r in requests)
    depths = [r["depth"] for r in records if r.get("attempts", 0) > 0]
    if not depths:
        return None
    levels = max(depths) + 1
    return LATENCY_S * (1 + max(levels, -(-len(depths) // CONCURRENCY)))


def measure(crawler, args, server, seed, work, jvm_flags):
    out = tempfile.mkdtemp(dir=work, prefix=crawler.replace(" ", "_") + "-")
    mode = crawler.split(" ")[0]
    jar = next((f for f in jvm_flags if f.endswith(".jar")), args.jar)  # a variant may name another build's jar
    jvm_flags = [f for f in jvm_flags if not f.endswith(".jar")]
    cmd = wget_cmd(seed, out) if crawler == "wget" else crawlcase_cmd(args.java, jar, mode, seed, out, jvm_flags)
    r = timed(cmd, server["log"], out)
    reqs = r.pop("requests")
    stderr = open(os.path.join(out, "stderr")).read().strip().splitlines()
    ok = r["exit"] == 0 or (crawler == "wget" and r["exit"] == 8)  # wget: 8 = some 404 (robots.txt)
    records = []
    if crawler != "wget" and os.path.exists(f"{out}/records.jsonl"):
        records = [json.loads(line) for line in open(f"{out}/records.jsonl")]
    summary = json.load(open(f"{out}/summary.json")) if os.path.exists(f"{out}/summary.json") else {}
    html = [q for q in reqs if q["status"] == 200 and q["type"].startswith("text/html")]
    pages = len({q["uri"] for q in html})  # a retried page (a timeout on a loaded machine) counts once
    row = {"crawler": crawler, "exit": r["exit"], "ok": ok, "wall": round(r["wall"], 3), "cpu": round(r["cpu"], 3),
           "user": round(r["user"], 3), "sys": round(r["sys"], 3), "pages": pages, "htmlResponses": len(html),
           "requests": len(reqs), "cpuMsPerPage": round(1000 * r["cpu"] / pages, 2) if pages else None,
           "firstRequestS": round(reqs[0]["t"] - r["started"], 3) if reqs else None,
           "crawlWallS": summary.get("wallSeconds"), "uris": sorted({q["uri"] for q in reqs if q["status"] == 200})}
    if server["latency"]:
        row["fastestResponseS"] = min((q["rt"] for q in reqs), default=None)
        ideal = ideal_seconds(mode if crawler != "wget" else "wget", reqs, records)
        row["idealS"] = round(ideal, 3) if ideal else None
        row["xIdeal"] = round(r["wall"] / ideal, 2) if ideal else None
    if not ok:
        row["error"] = stderr[-1] if stderr else f"exit {r['exit']}"
    shutil.rmtree(out, ignore_errors=True)
    return row


def median_row(runs):
    ok = [r for r in runs if r["ok"]]
    if not ok:
        return {"crawler": runs[0]["crawler"], "skipped": runs[0].get("error")}
    med = lambda k: round(statistics.median(r[k] for r in ok), 3) if all(r.get(k) is not None for r in ok) else None
    row = {"crawler": ok[0]["crawler"], "runs": len(ok), "pages": ok[0]["pages"], "wall": med("wall"),
           "wallMin": min(r["wall"] for r in ok), "wallMax": max(r["wall"] for r in ok), "cpu": med("cpu"),
           "cpuMsPerPage": med("cpuMsPerPage"), "firstRequestS": med("firstRequestS"), "crawlWallS": med("crawlWallS")}
    if "idealS" in ok[0]:
        row.update(idealS=med("idealS"), xIdeal=med("xIdeal"), fastestResponseS=min(r["fastestResponseS"] for r in ok))
    return row


def same_pages(runs, reference):
    """How a crawler's URL set differs from wget's (first round each)."""
    mine = set(next(r for r in runs if r["ok"])["uris"]) if any(r["ok"] for r in runs) else set()
    ref = set(reference)
    return {"onlyHere": sorted(mine - ref)[:10], "onlyWget": sorted(ref - mine)[:10], "same": mine == ref,
            "countHere": len(mine), "countWget": len(ref), "countOnlyHere": len(mine - ref),
            "countOnlyWget": len(ref - mine)}


def markdown(result):
    lines = [f"Real sites (#20), {result['date']}: {result['machine']}; {result['java']}; wget {result['wget']}; "
             f"nginx {result['nginx']}; {result['reps']} rounds, median (min-max) wall. Whole processes, JVM start "
             "included; cpu s is user+sys of the crawler's process; first req s is from the process start to its "
             "first request in nginx's log.", ""]
    for sc in result["scenarios"]:
        ds = result["docsets"][sc["docset"]]
        lines += [f"**{sc['name']}**: {ds['package']} {ds['version']} ({ds['htmlFiles']} HTML files, {ds['htmlMB']} MB)"
                  + (f", {int(LATENCY_S * 1000)} ms per response" if sc["latency"] else ", no latency"), ""]
        head = "| crawler | pages | wall s | cpu s | cpu ms/page | first req s | of wget's wall |"
        if sc["latency"]:
            head += " ideal s | x ideal |"
        lines += [head, "|" + " --- |" + " ---: |" * (head.count("|") - 2)]
        wget = next((r for r in sc["rows"] if r["crawler"] == "wget" and "wall" in r), None)
        for r in sc["rows"]:
            if "wall" not in r:
                lines.append(f"| {r['crawler']} | skipped: {r['skipped']} |")
                continue
            of = f"{r['wall'] / wget['wall']:.2f}" if wget else "-"
            cells = [r["crawler"], r["pages"], f"{r['wall']:.2f} ({r['wallMin']:.2f}-{r['wallMax']:.2f})",
                     f"{r['cpu']:.2f}", f"{r['cpuMsPerPage']:.1f}", f"{r['firstRequestS']:.2f}", of]
            if sc["latency"]:
                cells += [f"{r['idealS']:.2f}" if r.get("idealS") else "-", f"{r['xIdeal']:.2f}" if r.get("xIdeal") else "-"]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        diffs = [f"{c}: {d['countHere']} URLs, {d['countOnlyHere']} not in wget's ({', '.join(d['onlyHere'][:3])}), "
                 f"{d['countOnlyWget']} only wget's ({', '.join(d['onlyWget'][:3])})"
                 for c, d in sc["pageSets"].items() if not d["same"] and d["countWget"]]
        count = next(iter(sc["pageSets"].values()), {}).get("countWget")
        lines += ["", "Page sets (200s in nginx's log): " + ("no wget row to compare with." if not count else
                  f"every crawler fetched wget's {count} URLs." if not diffs else "; ".join(diffs)), ""]
    return "\n".join(lines)


def version(cmd, pattern):
    out = subprocess.run(cmd, capture_output=True, text=True)
    m = re.search(pattern, out.stdout + out.stderr)
    return m[1] if m else "?"


def main():
    p = argparse.ArgumentParser(prog="real-sites.sh")
    p.add_argument("--quick", action="store_true", help="one round instead of --reps")
    p.add_argument("--reps", type=int, default=2)
    p.add_argument("--modes", default=",".join(MODES))
    p.add_argument("--java", default=os.environ.get("JAVA", "java"))
    p.add_argument("--jar", default="crawler/target/crawler.jar")
    p.add_argument("--out", default="crawler/results/real-sites.json")
    p.add_argument("--no-wget", action="store_true")
    p.add_argument("--variant", action="append", default=[],
                   help="'LABEL=JVM FLAGS [OTHER.jar]': one more async row with these JVM flags (and that jar: before/after)")
    p.add_argument("--scenarios", default=None, help="comma list of DOCSET[-50ms] (default python,python-50ms,postgres)")
    args = p.parse_args()
    reps = 1 if args.quick else args.reps
    args.jar = os.path.abspath(args.jar)
    modes = [m for m in args.modes.split(",") if m]
    bad = [m for m in modes if m not in MODES]
    if bad or reps < 1 or any("=" not in v for v in args.variant):
        sys.exit(f"real-sites: bad --modes ({', '.join(bad)}), --reps or --variant")
    if not os.access(os.path.dirname(os.path.abspath(args.out)) or ".", os.W_OK):
        sys.exit(f"real-sites: cannot write {args.out}")
    crawlers = ([] if args.no_wget else ["wget"]) + modes + [f"async {v.split('=', 1)[0]}" for v in args.variant]
    variant_flags = {f"async {v.split('=', 1)[0]}": [os.path.abspath(f) if f.endswith(".jar") else f
                                                      for f in v.split("=", 1)[1].split()] for v in args.variant}
    names = args.scenarios.split(",") if args.scenarios else (
        ["python", "python-50ms", "postgres"])

    work = tempfile.mkdtemp(prefix="real-sites-")
    servers = []
    for name in names:
        docset, _, lat = name.partition("-")
        servers.append({"name": name, "docset": docset, "latency": bool(lat), "port": free_port(),
                        "log": f"{work}/{name}.log"})
    with open(f"{work}/nginx.conf", "w") as f:
        f.write(nginx_conf(work, servers))
    for s in servers:
        open(s["log"], "w").close()
    subprocess.run(["nginx", "-p", work, "-c", f"{work}/nginx.conf", "-e", f"{work}/error.log"], check=True)
    try:
        result = run_all(args, reps, crawlers, variant_flags, servers, work)
    finally:
        subprocess.run(["nginx", "-p", work, "-c", f"{work}/nginx.conf", "-e", f"{work}/error.log", "-s", "stop"],
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    md = markdown(result)
    with open(re.sub(r"\.json$", "", args.out) + ".md", "w") as f:
        f.write(md + "\n")
    print(md)


def run_all(args, reps, crawlers, variant_flags, servers, work):
    docsets = {}
    for name, d in DOCSETS.items():
        files = [os.path.join(dp, f) for dp, _, fs in os.walk(d["root"]) for f in fs if f.endswith(".html")]
        docsets[name] = {**d, "version": version(["dpkg-query", "-W", d["package"]], r"\t(\S+)"),
                         "htmlFiles": len(files), "htmlMB": round(sum(os.path.getsize(f) for f in files) / 1e6, 1)}
    runs = {s["name"]: {c: [] for c in crawlers} for s in servers}
    for rep in range(reps):
        for s in servers:
            seed = f"http://127.0.0.1:{s['port']}/"
            order = crawlers[rep % len(crawlers):] + crawlers[:rep % len(crawlers)]
            for c in order:
                row = measure(c, args, s, seed, work, variant_flags.get(c, []))
                runs[s["name"]][c].append(row)
                print(f"real-sites: round {rep + 1}/{reps} {s['name']} {c}: {row['pages']} pages, "
                      f"{row['wall']:.2f} s, cpu {row['cpu']:.2f} s" + (f" ({row['error']})" if "error" in row else ""),
                      file=sys.stderr, flush=True)
                if s["latency"] and row["requests"] and row["fastestResponseS"] < 0.9 * LATENCY_S:  # nginx times in ms, coarse timers
                    sys.exit(f"real-sites: a response of {s['name']} took {row['fastestResponseS']} s, under "
                             f"{LATENCY_S} s: the latency layer does not apply to every response")
                if not row["ok"] and rep == 0 and c != "wget" and row["exit"] == 2:
                    crawlers = [x for x in crawlers if x != c]  # the mode cannot run here (JDK, io_uring): once
    scenarios = []
    for s in servers:
        rs = runs[s["name"]]
        wget_uris = next((r["uris"] for r in rs.get("wget", []) if r["ok"]), [])
        scenarios.append({"name": s["name"], "docset": s["docset"], "latency": s["latency"],
                          "rows": [median_row(v) for v in rs.values() if v],
                          "pageSets": {c: same_pages(v, wget_uris) for c, v in rs.items() if c != "wget" and v},
                          "runs": [{k: v for k, v in r.items() if k != "uris"} for v in rs.values() for r in v]})
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
            "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, load average "
                       f"{os.getloadavg()[0]:.2f} at the end",
            "java": version([args.java, "-version"], r'version "([^"]+)"'),
            "wget": version(["wget", "--version"], r"Wget (\S+)"),
            "nginx": version(["nginx", "-v"], r"nginx/(\S+)"), "reps": reps, "concurrency": CONCURRENCY,
            "latencyS": LATENCY_S, "docsets": docsets,
            "command": "bash crawler/src/bench/sh/real-sites.sh " + " ".join(sys.argv[1:]), "scenarios": scenarios}


if __name__ == "__main__":
    main()
