"""Print the peak memory of the steps of a batch run that read a whole run file from disk.

    python scripts/benchmark_batch_memory.py [--requests 20000] [--prompt-chars 9000] [--answer-chars 1500]
                                             [--articles 3000]

Writes a synthetic `--via files` round of `--requests` requests (each prompt `--prompt-chars` long) and
an engine output file answering every one (each answer `--answer-chars` long) in a temporary folder,
and an `analyses.jsonl` of `--articles` finished articles (copies of a seed article's analysis,
replayed from its recording), then, each in a fresh process: `ingest` (`counterclaim batch --ingest`:
the output file read, checked and kept), `replay` (a later session loading the round's answers into
its answer book) and `resume` (a later session reading what earlier ones finished). Prints the files'
sizes, and each step's seconds and peak resident memory. No model, no network. A figure to read, not
a timed test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_STEP = """
import sys, time
from pathlib import Path
from counterclaim.corpus.offline_files import ingest
from counterclaim.corpus.round_store import RoundStore
from counterclaim.corpus.rounds import AnswerBook
from counterclaim.corpus.run_folder import RunFolder

folder, step = Path(sys.argv[1]), sys.argv[2]
store = RoundStore(folder / "rounds")
started = time.monotonic()
if step == "ingest":
    ingest(store, folder / "engine-output.jsonl")
elif step == "resume":
    run = RunFolder(path=folder, previous=None)
    run._load()
else:
    book = AnswerBook()
    for record in store.rounds():
        for custom_id, answer in store.answers(record).items():
            book.add(custom_id, answer)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, from the process that wrote the files
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
print(f"{time.monotonic() - started:.1f} {peak:.0f}")
"""


def _write_round(folder: Path, requests: int, prompt_chars: int, answer_chars: int) -> None:
    from counterclaim.corpus.batch_lines import request_line
    from counterclaim.corpus.round_store import RoundStore

    prompt = ("The minister said the talks had failed. " * (prompt_chars // 40 + 1))[:prompt_chars]
    lines = [
        request_line({"model": "m", "messages": [{"role": "user", "content": f"{n} {prompt}"}]})
        for n in range(requests)
    ]
    RoundStore(folder / "rounds").new_round(lines, via="files")
    content = json.dumps(
        {"claims": [{"statement": ("The minister says so. " * answer_chars)[:answer_chars]}]}
    )
    with (folder / "engine-output.jsonl").open("w", encoding="utf-8") as output:
        for line in lines:
            body = {
                "id": "c",
                "object": "chat.completion",
                "model": "m",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": answer_chars // 4},
            }
            output.write(
                json.dumps({"custom_id": line.custom_id, "response": {"status_code": 200, "body": body}})
            )
            output.write("\n")


def _write_analyses(folder: Path, articles: int) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from batch_checks import analysed_alone  # the seed's recorded answers, replayed
    from counterclaim.corpus.run_records import ANALYSES_FILE, AnalysisRow

    analysis = analysed_alone("seed-pentagon-assange-2010")
    with (folder / ANALYSES_FILE).open("w", encoding="utf-8") as output:
        for number in range(articles):
            output.write(AnalysisRow(id=f"a{number}", source="s", analysis=analysis).model_dump_json() + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--prompt-chars", type=int, default=9_000)
    parser.add_argument("--answer-chars", type=int, default=1_500)
    parser.add_argument("--articles", type=int, default=3_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write_round(root, args.requests, args.prompt_chars, args.answer_chars)
        _write_analyses(root, args.articles)
        request_file = next((root / "rounds").glob("*.requests.jsonl"))
        mib = 1024 * 1024
        print(
            f"{args.requests:,} requests: request file {request_file.stat().st_size / mib:,.0f} MiB, "
            f"engine output file {(root / 'engine-output.jsonl').stat().st_size / mib:,.0f} MiB; "
            f"{args.articles:,} finished articles: analyses.jsonl "
            f"{(root / 'analyses.jsonl').stat().st_size / mib:,.0f} MiB"
        )
        for step in ("ingest", "replay", "resume"):
            done = subprocess.run(
                [sys.executable, "-c", _STEP, str(root), step], capture_output=True, text=True, check=True
            )
            seconds, peak = done.stdout.split()
            print(f"{step:7} {float(seconds):6.1f} s   peak {int(peak):6,} MiB")


if __name__ == "__main__":
    main()
