#!/usr/bin/env python3
"""Keeps translations/*.ts in step with the sources.

  update            extract every tr()/translate() string of app/ and ui/ with lupdate and write
                    translations/fhir-bulk-monitor_da.ts (everything) and _en.ts (plurals only),
                    keeping the translations already there (-no-obsolete: vanished strings go)
  check             extract into a temporary copy and fail when a string is missing from the .ts
                    files or left over, when a Danish message is unfinished or empty, or when a
                    translation loses a placeholder (%1, %n) or a shortcut's &
  fill DICT.json    put the translations of a dictionary {"source": "Danish" | ["one", "many"]}
                    into the unfinished Danish messages (a context-specific entry may be keyed
                    "context|source")
  fill-en           give the unfinished English plurals their singular and plural forms from
                    the source's "(s)" (check the result: "entry(s)" needs a hand)
  list-unfinished   print the unfinished Danish messages as a JSON dictionary to fill in

Extraction is plain lupdate over app/ and ui/: every class that translates declares its context
(Q_OBJECT, or Q_DECLARE_TR_FUNCTIONS for the others), so lupdate files each string under the
context the program asks for at run time. A tr() that lupdate cannot place ("Class 'C' lacks
Q_OBJECT macro") is reported as a problem by `check`: such a string would never be translated.
This script adds what lupdate alone does not: a translation follows its text when a string moves
to another class, the English file keeps only plurals, and `check` fails on anything missing,
unfinished or with a lost placeholder or shortcut.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ["app", "ui"]
TS_DA = ROOT / "translations" / "fhir-bulk-monitor_da.ts"
TS_EN = ROOT / "translations" / "fhir-bulk-monitor_en.ts"
LACKS_RE = re.compile(r"^(.*?):(\d+): Class '([^']+)' lacks Q_OBJECT macro", re.M)
PLACEHOLDER_RE = re.compile(r"%L?(?:\d+|n)")


def lupdate_binary():
    env = os.environ.get("LUPDATE")
    if env:
        return env
    for candidate in ["/usr/lib/qt6/bin/lupdate", "lupdate6", "lupdate"]:
        path = candidate if os.path.isabs(candidate) else shutil_which(candidate)
        if path and os.access(path, os.X_OK):
            return path
    sys.exit("fbm-ts: lupdate not found (apt-get install qt6-l10n-tools)")


def shutil_which(name):
    import shutil
    return shutil.which(name)


class Message:
    def __init__(self, source, comment="", extracomment="", numerus=False):
        self.source = source
        self.comment = comment
        self.extracomment = extracomment
        self.numerus = numerus
        self.translation = None  # str, or list of str for numerus
        self.finished = False
        self.translatorcomment = ""

    def key(self):
        return (self.source, self.comment)


def text_of(el, tag):
    child = el.find(tag)
    return "" if child is None or child.text is None else child.text


def read_ts(path):
    """-> (language, {context: [Message]}) in file order."""
    contexts = {}
    if not Path(path).exists():
        return None, contexts
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        name = text_of(ctx, "name")
        msgs = contexts.setdefault(name, [])
        for m in ctx.findall("message"):
            msg = Message(text_of(m, "source"), text_of(m, "comment"), text_of(m, "extracomment"),
                          m.get("numerus") == "yes")
            msg.translatorcomment = text_of(m, "translatorcomment")
            tr = m.find("translation")
            if tr is not None:
                kind = tr.get("type", "")
                msg.finished = kind not in ("unfinished", "obsolete", "vanished")
                if msg.numerus:
                    msg.translation = [nf.text or "" for nf in tr.findall("numerusform")]
                else:
                    msg.translation = tr.text or ""
            msgs.append(msg)
    return root.get("language"), contexts


def run_lupdate(files, ts_path, language, plural_only=False):
    """Runs lupdate on files or folders into a fresh ts; returns its warnings (stderr)."""
    args = [lupdate_binary(), "-no-obsolete", "-locations", "none", "-source-language", "en",
            "-target-language", language]
    if plural_only:
        args.append("-pluralonly")
    args += [str(f) for f in files] + ["-ts", str(ts_path)]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit("fbm-ts: lupdate failed")
    return proc.stdout + proc.stderr


def extract(language, plural_only=False):
    """-> ({context: [Message]}, problems): what the sources ask to be translated."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "sources.ts"
        warnings = run_lupdate([ROOT / d for d in SOURCE_DIRS], ts, language, plural_only)
        for path, line, cls in LACKS_RE.findall(warnings):
            problems.append(f"{os.path.relpath(path, ROOT)}:{line}: tr() in '{cls}', which has "
                            f"neither Q_OBJECT nor Q_DECLARE_TR_FUNCTIONS: this string can never "
                            f"be translated at run time")
        contexts = read_ts(ts)[1]
    return {c: msgs for c, msgs in contexts.items() if msgs}, problems


def merge(extracted, existing, plural_only=False):
    """Carries the existing translations over to the extracted messages."""
    by_key = {}
    by_source = {}
    for ctx, msgs in existing.items():
        for m in msgs:
            if m.translation is None:
                continue
            by_key[(ctx,) + m.key()] = m
            if m.finished:
                by_source.setdefault((m.numerus,) + m.key(), m)
    out = {}
    for ctx in sorted(extracted):
        msgs = []
        for m in extracted[ctx]:
            if plural_only and not m.numerus:
                continue
            old = by_key.get((ctx,) + m.key())
            if old is None:
                # The same English text elsewhere (a string moved to another class) reads the same.
                old = by_source.get((m.numerus,) + m.key())
            if old is not None and old.numerus == m.numerus:
                m.translation = old.translation
                m.finished = old.finished
                m.translatorcomment = old.translatorcomment
            msgs.append(m)
        if msgs:
            out[ctx] = msgs
    return out


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def write_ts(path, language, contexts):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">']
    for ctx in sorted(contexts):
        lines += ["<context>", f"    <name>{esc(ctx)}</name>"]
        for m in contexts[ctx]:
            lines.append('    <message numerus="yes">' if m.numerus else "    <message>")
            lines.append(f"        <source>{esc(m.source)}</source>")
            if m.comment:
                lines.append(f"        <comment>{esc(m.comment)}</comment>")
            if m.extracomment:
                lines.append(f"        <extracomment>{esc(m.extracomment)}</extracomment>")
            if m.translatorcomment:
                lines.append(f"        <translatorcomment>{esc(m.translatorcomment)}"
                             f"</translatorcomment>")
            attr = "" if m.finished else ' type="unfinished"'
            if m.numerus:
                forms = m.translation if isinstance(m.translation, list) else []
                if not forms:
                    forms = ["", ""]
                lines.append(f"        <translation{attr}>")
                for f in forms:
                    lines.append(f"            <numerusform>{esc(f)}</numerusform>")
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{attr}>{esc(m.translation or '')}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(da_existing, en_existing):
    extracted, problems = extract("da")
    da = merge(extracted, da_existing)
    extracted_en, _ = extract("en", plural_only=True)
    en = merge(extracted_en, en_existing, plural_only=True)
    return da, en, problems


def keys(contexts):
    return {(c,) + m.key() for c, msgs in contexts.items() for m in msgs}


def cmd_update():
    da, en, problems = build(read_ts(TS_DA)[1], read_ts(TS_EN)[1])
    write_ts(TS_DA, "da", da)
    write_ts(TS_EN, "en", en)
    total = sum(len(v) for v in da.values())
    open_ = sum(1 for v in da.values() for m in v if not m.finished)
    print(f"{TS_DA.relative_to(ROOT)}: {total} messages, {open_} unfinished")
    print(f"{TS_EN.relative_to(ROOT)}: {sum(len(v) for v in en.values())} plural messages")
    for p in problems:
        print("warning: " + p, file=sys.stderr)


def accelerators(text):
    """How many keyboard-shortcut markers (&x, not &&) a text has."""
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def placeholders(text):
    # %Ln is %n written the locale's way (12.030 in Danish): the same placeholder.
    return sorted(set(p.replace("L", "") for p in PLACEHOLDER_RE.findall(text)))


def cmd_check():
    failures = []
    _, da_now = read_ts(TS_DA)
    _, en_now = read_ts(TS_EN)
    da, en, problems = build(read_ts(TS_DA)[1], read_ts(TS_EN)[1])
    failures += problems
    for name, now, fresh in (("da", da_now, da), ("en", en_now, en)):
        for c, s, cm in sorted(keys(fresh) - keys(now)):
            failures.append(f"missing from fhir-bulk-monitor_{name}.ts: [{c}] {s!r}")
        for c, s, cm in sorted(keys(now) - keys(fresh)):
            failures.append(f"no longer in the sources, still in fhir-bulk-monitor_{name}.ts: "
                            f"[{c}] {s!r}")
    for name, now in (("da", da_now), ("en", en_now)):
        for c, msgs in now.items():
            for m in msgs:
                where = f"fhir-bulk-monitor_{name}.ts: [{c}] {m.source!r}"
                forms = m.translation if isinstance(m.translation, list) else [m.translation]
                if name == "da" and (not m.finished or any(not f for f in forms)):
                    failures.append("unfinished or empty in " + where)
                    continue
                if name == "en" and (not m.finished or any(not f for f in forms)):
                    failures.append("unfinished or empty plural in " + where)
                    continue
                if accelerators(m.source) != min(accelerators(f or "") for f in forms):
                    failures.append("translation loses or adds the & of a keyboard shortcut in "
                                    + where)
                want = placeholders(m.source)
                for f in forms:
                    got = placeholders(f or "")
                    # A singular form may say "one" instead of %n.
                    lost = [p for p in want if p not in got and not (m.numerus and p == "%n")]
                    if lost:
                        failures.append(f"translation loses {', '.join(lost)} in " + where)
    if failures:
        for f in failures:
            print(f, file=sys.stderr)
        print(f"check-translations: {len(failures)} problem(s); run tools/update-translations.sh "
              f"and translate what is new", file=sys.stderr)
        return 1
    print(f"check-translations: {len(keys(da_now))} Danish and {len(keys(en_now))} English plural "
          f"messages, all present and finished")
    return 0


def cmd_fill(dict_path):
    table = json.loads(Path(dict_path).read_text(encoding="utf-8"))
    language, contexts = read_ts(TS_DA)
    filled = 0
    for ctx, msgs in contexts.items():
        for m in msgs:
            if m.finished:
                continue
            value = table.get(f"{ctx}|{m.source}", table.get(m.source))
            if value is None:
                continue
            if m.numerus:
                if not isinstance(value, list):
                    value = [value, value]
                m.translation = list(value)
            else:
                if isinstance(value, list):
                    continue
                m.translation = value
            m.finished = True
            filled += 1
    write_ts(TS_DA, language or "da", contexts)
    left = sum(1 for v in contexts.values() for m in v if not m.finished)
    print(f"filled {filled}, {left} unfinished")


def cmd_fill_en():
    """English plurals: the singular and the plural form of the source's "(s)"."""
    language, contexts = read_ts(TS_EN)
    for msgs in contexts.values():
        for m in msgs:
            if m.finished:
                continue
            if not (isinstance(m.translation, list) and all(m.translation)):
                one = re.sub(r"(\w+)\(s\)", r"\1", m.source)
                many = re.sub(r"(\w+)\(s\)", r"\1s", m.source)
                m.translation = [one, many]
            m.finished = True
    write_ts(TS_EN, language or "en", contexts)


def cmd_list_unfinished():
    _, contexts = read_ts(TS_DA)
    out = {}
    for ctx, msgs in contexts.items():
        for m in msgs:
            if not m.finished:
                out[m.source] = ["", ""] if m.numerus else ""
    print(json.dumps(out, ensure_ascii=False, indent=1))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    cmd = sys.argv[1]
    if cmd == "update":
        cmd_update()
        return 0
    if cmd == "check":
        return cmd_check()
    if cmd == "fill" and len(sys.argv) == 3:
        cmd_fill(sys.argv[2])
        return 0
    if cmd == "fill-en":
        cmd_fill_en()
        return 0
    if cmd == "list-unfinished":
        cmd_list_unfinished()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
