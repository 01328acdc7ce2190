#!/usr/bin/python3
"""Renders the main panels of deploy/grafana/newsbot.json from a real run, for machines without Grafana.

It starts the built newsbot (console chat) with the web listener and a loopback OpenAI-compatible model (this file,
with random delays and one failure in ten), types questions, votes and commands into it for a while, scrapes /metrics
every few seconds, and draws what the dashboard's panels would show from those scrapes (rates between scrapes,
quantiles from histogram buckets). Nothing is invented: every point is computed from a scrape.

    /usr/bin/python3 deploy/grafana/render_panels.py --newsbot src/NewsBot/bin/Release/net10.0/newsbot.dll --out docs/dashboard.png
Needs python3-matplotlib (Debian).
"""
import argparse, http.server, json, os, random, re, socket, subprocess, tempfile, threading, time, urllib.request

QUESTIONS = [
    "Where is Lisbon's tram line extended?",
    "Wie lange hat die Stadtbibliothek Leipzig geöffnet?",
    "Was kostet das Pilotprojekt im Hamburger Hafen?",
    "What did Katrin Albers say about automation in the port?",
    "How long is the new tram extension?",
    "Welche Öffnungszeiten plant die Bibliothek?",
    "/summary",
    "/articles",
    "/help",
]


class FakeModel(http.server.BaseHTTPRequestHandler):
    """POST /v1/chat/completions, plain or streamed; cites the first source; 1 in 10 calls fails with 500."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(random.uniform(0.05, 1.2))
        if random.random() < 0.1:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error":{"message":"overloaded","type":"server_error"}}')
            return
        user = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
        if "search terms" in body["messages"][0]["content"]:
            text = "Lissabon, Straßenbahn, Hafen, Bibliothek"
        else:
            m = re.search(r'<source n="(\d+)"', user)
            text = f"According to the article [{m.group(1) if m else 1}], that is what happened."
        usage = {"prompt_tokens": len(json.dumps(body)) // 4, "completion_tokens": len(text) // 4}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for i in range(0, len(text), 8):
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                         "choices": [{"index": 0, "delta": {"content": text[i:i + 8]}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            done = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": usage}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
        else:
            reply = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                     "usage": usage}
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SAMPLE = re.compile(r'^([a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+)', re.M)


def scrape(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    out = {}
    for name, labels, value in SAMPLE.findall(text):
        pairs = tuple(sorted(re.findall(r'([a-z_]+)="([^"]*)"', labels or "")))
        out[(name, tuple(p for p in pairs if not p[0].startswith("otel_")))] = float(value)
    return out


def total(sample, name, **labels):
    return sum(v for (n, l), v in sample.items() if n == name and all((k, labels[k]) in l for k in labels))


def series_by(sample, name, key):
    return sorted({dict(l).get(key) for (n, l) in sample if n == name} - {None})


def quantile(buckets, q):
    """buckets: [(le, cumulative count)] sorted; linear interpolation as PromQL's histogram_quantile."""
    if not buckets or buckets[-1][1] <= 0:
        return None
    rank = q * buckets[-1][1]
    prev_le, prev_c = 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if le == float("inf"):
                return prev_le
            return prev_le + (le - prev_le) * ((rank - prev_c) / (c - prev_c) if c > prev_c else 0)
        prev_le, prev_c = le, c
    return None


def bucket_delta(a, b, name, **labels):
    acc = {}
    for (n, l), v in b.items():
        if n == name + "_bucket" and all((k, labels[k]) in l for k in labels):
            le = float(dict(l)["le"].replace("+Inf", "inf"))
            acc[le] = acc.get(le, 0) + v - a.get((n, l), 0)
    return sorted(acc.items())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsbot", required=True)
    ap.add_argument("--corpus", default="samples/corpus")
    ap.add_argument("--seconds", type=int, default=150)
    ap.add_argument("--out", default="docs/dashboard.png")
    args = ap.parse_args()

    model = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    threading.Thread(target=model.serve_forever, daemon=True).start()
    port = free_port()
    env = dict(os.environ, NEWSBOT_DATA=tempfile.mkdtemp(), Llm__Provider="OpenAI", Llm__Model="fake",
               Llm__ApiKey="unused", Llm__MaxRetries="0", Llm__CooldownSeconds="2",
               Llm__Endpoint=f"http://127.0.0.1:{model.server_address[1]}/v1", Host__Urls=f"http://127.0.0.1:{port}",
               Bot__RateLimit__QuestionsPerMinute="0")
    bot = subprocess.Popen(["dotnet", args.newsbot, "--corpus", args.corpus], stdin=subprocess.PIPE,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, text=True)
    scrapes = []
    try:
        for _ in range(120):
            try:
                scrape(port)
                break
            except OSError:
                time.sleep(0.5)
        start = time.time()
        next_scrape = start
        rng = random.Random(23)
        while time.time() - start < args.seconds:
            now = time.time()
            if now >= next_scrape:
                scrapes.append((now - start, scrape(port)))
                next_scrape += 5
            line = rng.choice(QUESTIONS)
            bot.stdin.write(line + "\n")
            if line[0] != "/" and rng.random() < 0.5:
                bot.stdin.write(("/good" if rng.random() < 0.7 else "/bad") + "\n")
            bot.stdin.flush()
            # The load rises and falls, so the rates have a shape.
            phase = ((now - start) / args.seconds) * 3.14159 * 2
            time.sleep(max(0.2, 1.6 - 1.2 * abs(__import__("math").sin(phase))) * rng.uniform(0.6, 1.4))
        time.sleep(3)
        scrapes.append((time.time() - start, scrape(port)))
    finally:
        bot.stdin.close()
        bot.wait(timeout=60)
        model.shutdown()
    draw(scrapes, args.out)


def draw(scrapes, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.style.use("dark_background")
    fig, axes = plt.subplots(2, 3, figsize=(18, 9))
    fig.patch.set_facecolor("#111217")
    t = [s[0] for s in scrapes[1:]]
    pairs = list(zip(scrapes, scrapes[1:]))
    last = scrapes[-1][1]

    def rate(name, **labels):
        return [(total(b, name, **labels) - total(a, name, **labels)) / (tb - ta) * 60 for (ta, a), (tb, b) in pairs]

    ax = axes[0][0]
    for command in series_by(last, "newsbot_questions_total", "command"):
        ax.plot(t, rate("newsbot_questions_total", command=command), label=command)
    ax.set_title("Requests per minute by command")

    ax = axes[0][1]
    for q, style in ((0.5, "-"), (0.95, "--")):
        for backend in ("llm", "extractive"):
            ys = [quantile(bucket_delta(a, b, "newsbot_answer_duration_seconds", command="ask", backend=backend), q) for (_, a), (_, b) in pairs]
            ax.plot(t, [y if y is not None else float("nan") for y in ys], style, label=f"p{int(q * 100)} {backend}")
    ax.set_title("Answer time (ask), seconds")

    ax = axes[0][2]
    for q in (0.5, 0.95):
        ys = [quantile(bucket_delta(a, b, "newsbot_retrieval_duration_seconds"), q) for (_, a), (_, b) in pairs]
        ax.plot(t, [y * 1000 if y is not None else float("nan") for y in ys], label=f"p{int(q * 100)}")
    ax.set_title("Retrieval time, milliseconds")

    ax = axes[1][0]
    for outcome in series_by(last, "newsbot_llm_calls_total", "outcome"):
        ax.plot(t, rate("newsbot_llm_calls_total", outcome=outcome), label=f"calls {outcome}")
    ax.plot(t, rate("newsbot_llm_fallbacks_total"), label="fallbacks")
    ax.set_title("Model calls, errors and fallbacks per minute")

    ax = axes[1][1]
    for kind in ("prompt", "completion"):
        ax.plot([s[0] for s in scrapes], [total(s[1], "newsbot_llm_tokens_total", kind=kind) for s in scrapes], label=kind)
    ax.set_title("Model tokens (cumulative)")

    ax = axes[1][2]
    for backend in ("llm", "extractive"):
        ax.plot(t, rate("newsbot_answer_duration_seconds_count", command="ask", backend=backend), label=f"answers {backend}")
    good, bad = total(last, "newsbot_votes_total", vote="good"), total(last, "newsbot_votes_total", vote="bad")
    ax.set_title(f"Answers per minute by backend · helpful {good / max(good + bad, 1):.0%} of {good + bad:.0f} votes")

    for row in axes:
        for ax in row:
            ax.set_facecolor("#181b1f")
            ax.grid(alpha=0.2)
            ax.legend(fontsize=8, loc="upper left")
            ax.set_xlabel("seconds into the run")
    fig.suptitle(f"NewsBot — {total(last, 'newsbot_corpus_articles'):.0f} articles, "
                 f"{total(last, 'newsbot_questions_total'):.0f} requests; drawn by render_panels.py from "
                 f"{len(scrapes)} real /metrics scrapes (not a Grafana screenshot)", fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    fig.savefig(out, dpi=80, facecolor=fig.get_facecolor())
    print(f"{out}: {len(scrapes)} scrapes")


if __name__ == "__main__":
    main()
