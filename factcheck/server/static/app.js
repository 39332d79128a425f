// The factcheck page: a draft, its findings marked in place, and their evidence.
//
// Every piece of text that comes from a draft, a finding or the corpus is put
// in the page as a text node (textContent, append of strings), never as HTML.
// Positions: the API gives 1-based lines and columns counted in Unicode code
// points (as Python counts), so the text is handled as an array of code points.
"use strict";

(() => {
  const CHECK_DELAY_MS = 500; // re-check this long after the last keystroke
  const EXTENSIONS = { md: ".md", txt: ".txt", html: ".html" };
  const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
  const TOKEN_KEY = "factcheck-token";

  const $ = (id) => document.getElementById(id);
  const state = {
    path: "draft.md", // names the draft in the report; its extension picks the kind
    checked: null, // {text, points, lineStarts, findings}: what the marks refer to
    sequence: 0, // the newest check; older answers are dropped
    controller: null,
    timer: null,
    selected: -1,
    marks: [], // per finding: its first mark element in the marked view
    codes: new Map(),
    token: sessionStorage.getItem(TOKEN_KEY) || "",
  };

  function el(tag, className, ...children) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.append(...children.filter((c) => c !== null && c !== undefined));
    return element;
  }

  function setStatus(message, isError = false) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  // --- the API ------------------------------------------------------------------

  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    if (state.token) headers.set("Authorization", `Bearer ${state.token}`);
    const response = await fetch(path, { ...options, headers });
    let body = null;
    try {
      body = await response.json();
    } catch (_error) {
      body = null;
    }
    if (response.status === 401) $("token-box").hidden = false;
    if (!response.ok) {
      const message = body && typeof body.error === "string" ? body.error : response.statusText;
      throw new Error(`${response.status}: ${message}`);
    }
    return body;
  }

  // --- positions ------------------------------------------------------------------

  function indexText(text) {
    const points = Array.from(text);
    const lineStarts = [0];
    points.forEach((point, index) => {
      if (point === "\n") lineStarts.push(index + 1);
    });
    return { text, points, lineStarts };
  }

  function offset(indexed, line, column) {
    if (line < 1 || line > indexed.lineStarts.length) return null;
    return Math.min(indexed.lineStarts[line - 1] + Math.max(column, 1) - 1, indexed.points.length);
  }

  function spanOf(indexed, finding) {
    const start = offset(indexed, finding.line, finding.column);
    const end = offset(indexed, finding.end_line, finding.end_column);
    if (start === null || end === null || end < start) return null;
    return { start, end };
  }

  function slice(indexed, start, end) {
    return indexed.points.slice(start, end).join("");
  }

  // --- checking -------------------------------------------------------------------

  async function check() {
    clearTimeout(state.timer);
    const text = $("draft").value;
    const sequence = ++state.sequence;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    setStatus("checking…");
    try {
      const report = await api("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, path: state.path, date: $("date").value || null }),
        signal: controller.signal,
      });
      if (sequence !== state.sequence) return;
      showReport(text, report);
    } catch (error) {
      if (error.name === "AbortError" || sequence !== state.sequence) return;
      setStatus(error.message, true);
    }
  }

  function scheduleCheck() {
    clearTimeout(state.timer);
    if ($("live").checked) state.timer = setTimeout(check, CHECK_DELAY_MS);
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function showReport(text, report) {
    const indexed = indexText(text);
    const findings = report.findings.map((finding, index) => ({
      finding,
      index,
      span: finding.path === state.path && finding.line >= 1 ? spanOf(indexed, finding) : null,
    }));
    state.checked = { ...indexed, findings };
    state.selected = -1;
    renderMarked();
    renderFindings();
    const s = report.summary;
    const counts = `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "info")}`;
    $("summary").textContent = `${s.findings} (${counts})`;
    setStatus(s.findings === 0 ? "no findings" : `${plural(s.findings, "finding")}`);
    document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
  }

  // --- the draft with its findings marked -------------------------------------------

  function strongest(items) {
    let best = null;
    for (const item of items) {
      if (!best || SEVERITY_RANK[item.finding.severity] > SEVERITY_RANK[best.finding.severity]) {
        best = item;
      }
    }
    return best;
  }

  function markFor(items, content) {
    const top = strongest(items);
    const mark = el("mark", `sev-${top.finding.severity}`, content);
    mark.dataset.findings = items.map((item) => item.index).join(" ");
    mark.title = items.map((item) => `${item.finding.code}: ${item.finding.message}`).join("\n");
    for (const item of items) {
      if (!state.marks[item.index]) state.marks[item.index] = mark;
    }
    mark.addEventListener("click", () => {
      // Several findings on one stretch: each click shows the next.
      const ids = items.map((item) => item.index);
      const at = ids.indexOf(state.selected);
      select(ids[(at + 1) % ids.length], { scrollMark: false });
    });
    return mark;
  }

  function renderMarked() {
    const { points, findings } = state.checked;
    const marked = $("marked");
    marked.replaceChildren();
    state.marks = [];
    const located = findings.filter((item) => item.span !== null);
    // Boundaries where a finding starts or ends, swept once: overlapping spans
    // become stretches marked with every finding that covers them.
    const starts = new Map();
    const ends = new Map();
    const inserts = new Map();
    const cuts = new Set([0, points.length]);
    for (const item of located) {
      const { start, end } = item.span;
      if (start === end) {
        if (!inserts.has(start)) inserts.set(start, []);
        inserts.get(start).push(item);
        cuts.add(start);
        continue;
      }
      if (!starts.has(start)) starts.set(start, []);
      if (!ends.has(end)) ends.set(end, []);
      starts.get(start).push(item);
      ends.get(end).push(item);
      cuts.add(start);
      cuts.add(end);
    }
    const sorted = Array.from(cuts).sort((a, b) => a - b);
    const active = new Set();
    for (let i = 0; i < sorted.length; i += 1) {
      const at = sorted[i];
      for (const item of ends.get(at) || []) active.delete(item);
      for (const item of starts.get(at) || []) active.add(item);
      if (inserts.has(at)) {
        const caret = markFor(inserts.get(at), "‸");
        caret.classList.add("insert");
        marked.append(caret);
      }
      if (i + 1 >= sorted.length) break;
      const text = points.slice(at, sorted[i + 1]).join("");
      marked.append(active.size ? markFor(Array.from(active), text) : text);
    }
  }

  // --- the side panel ---------------------------------------------------------------

  function suppression(finding) {
    const kind = $("kind").value;
    return kind === "txt" ? `factcheck: ignore ${finding.code}` : `<!-- factcheck: ignore ${finding.code} -->`;
  }

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (_error) {
      // Not a secure context (another host over http): the old way.
      const field = el("textarea", null, text);
      document.body.append(field);
      field.select();
      document.execCommand("copy");
      field.remove();
    }
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => {
      button.textContent = label;
    }, 1200);
  }

  // The evidence sentence with the expected value marked: the whole value
  // when the sentence has it, else each comma-separated part it has.
  function markedQuote(quote, finding) {
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const whole = [finding.expected, finding.fix].filter((s) => s && s.trim());
    const parts = whole.flatMap((s) => s.split(/,\s*/)).filter((s) => s.trim().length > 1);
    let ranges = [];
    for (const group of [whole, parts]) {
      for (const focus of group) {
        for (const match of quote.matchAll(new RegExp(escape(focus.trim()), "giu"))) {
          ranges.push([match.index, match.index + match[0].length]);
        }
      }
      if (ranges.length) break;
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const nodes = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start < at) continue;
      nodes.push(quote.slice(at, start), el("mark", null, quote.slice(start, end)));
      at = end;
    }
    nodes.push(quote.slice(at));
    return nodes;
  }

  function evidenceItem(evidence, finding) {
    const source = el("button", "source", `${evidence.source}:${evidence.line}`);
    source.type = "button";
    source.title = "open the corpus document at this line";
    source.addEventListener("click", () => openCorpus(evidence, finding));
    const agree = evidence.support === 1 ? "document agrees" : "documents agree";
    return el(
      "li",
      null,
      source,
      el("span", "support", `${evidence.support} ${agree}`),
      el("blockquote", null, ...markedQuote(evidence.quote, finding)),
    );
  }

  function findingItem(item) {
    const { finding, index, span } = item;
    const where = span ? `line ${finding.line}, column ${finding.column}` : finding.path;
    const head = el(
      "div",
      "head",
      el("span", "code", finding.code),
      el("span", "severity", finding.severity),
      el("span", "where", where),
    );
    head.addEventListener("click", () => select(index, { scrollMark: true }));
    const facts = el("dl", null, el("dt", null, "Found"), el("dd", "found", finding.found));
    if (finding.expected !== null) facts.append(el("dt", null, "Expected"), el("dd", "expected", finding.expected));
    if (finding.fix !== null) {
      const note = finding.safe_fix ? "safe fix" : "for an editor to judge";
      facts.append(el("dt", null, "Fix"), el("dd", "fix", `${finding.fix}  (${note})`));
    }
    const actions = el("div", "actions");
    if (finding.safe_fix && finding.fix !== null && span) {
      const apply = el("button", "apply", "Apply fix");
      apply.type = "button";
      apply.addEventListener("click", () => applyFix(item));
      actions.append(apply);
    }
    if (span) {
      const comment = suppression(finding);
      const copyButton = el("button", "copy-suppression", "Copy suppression");
      copyButton.type = "button";
      copyButton.title = "paste it at the end of the line to silence this finding";
      copyButton.addEventListener("click", () => copy(comment, copyButton));
      actions.append(copyButton, el("code", "suppression", comment));
    }
    const evidence = el("ul", "evidence", ...finding.evidence.map((e) => evidenceItem(e, finding)));
    const li = el("li", `finding sev-${finding.severity}`, head, el("p", "message", finding.message), facts, actions, evidence);
    li.id = `finding-${index}`;
    li.dataset.code = finding.code;
    const about = state.codes.get(finding.code);
    if (about) {
      const details = el("details", "about", el("summary", null, `About ${finding.code}: ${about.title}`));
      details.append(el("pre", null, about.page || about.summary));
      li.append(details);
    }
    return li;
  }

  function renderFindings() {
    const list = $("findings");
    list.replaceChildren(...state.checked.findings.map(findingItem));
  }

  function select(index, { scrollMark }) {
    state.selected = index;
    document.querySelectorAll(".selected").forEach((node) => node.classList.remove("selected"));
    const item = $(`finding-${index}`);
    if (item) {
      item.classList.add("selected");
      item.scrollIntoView({ block: "nearest" });
    }
    const mark = state.marks[index];
    if (mark) {
      mark.classList.add("selected");
      if (scrollMark) mark.scrollIntoView({ block: "center" });
    }
    const { span } = state.checked.findings[index];
    const draft = $("draft");
    if (span && draft.value === state.checked.text) {
      // The textarea counts UTF-16 units, not code points.
      const before = slice(state.checked, 0, span.start).length;
      draft.setSelectionRange(before, before + slice(state.checked, span.start, span.end).length);
    }
  }

  // --- fixing -----------------------------------------------------------------------

  function applyFix(item) {
    const draft = $("draft");
    const checked = state.checked;
    if (draft.value !== checked.text) {
      setStatus("the draft changed since the last check: checking again first", true);
      check();
      return;
    }
    const { start, end } = item.span;
    // As `factcheck check --fix` does: a stale finding is never applied.
    if (slice(checked, start, end) !== item.finding.found) {
      setStatus(`${item.finding.code}: the text there is no longer "${item.finding.found}"`, true);
      return;
    }
    draft.value = slice(checked, 0, start) + item.finding.fix + slice(checked, end, checked.points.length);
    setStatus(`applied: ${item.finding.found} → ${item.finding.fix}`);
    check();
  }

  // --- the corpus document viewer -----------------------------------------------------

  async function openCorpus(evidence, finding) {
    let document_;
    try {
      const name = evidence.source.split("/").map(encodeURIComponent).join("/");
      document_ = await api(`/api/corpus/${name}`);
    } catch (error) {
      setStatus(error.message, true);
      return;
    }
    $("corpus-title").textContent = `${evidence.source}, line ${evidence.line}`;
    const lines = document_.text.split("\n");
    const list = $("corpus-lines");
    list.replaceChildren(
      ...lines.map((line, i) => {
        const number = i + 1;
        if (number !== evidence.line) return el("li", null, line);
        const target = el("li", "target", ...markedQuote(line, finding));
        target.id = "corpus-target";
        return target;
      }),
    );
    const dialog = $("corpus-dialog");
    dialog.showModal();
    const target = $("corpus-target");
    if (target) target.scrollIntoView({ block: "center" });
  }

  // --- loading drafts -------------------------------------------------------------------

  function kindOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "md";
    if (lower.endsWith(".html") || lower.endsWith(".htm")) return "html";
    return "txt";
  }

  function loadDraft(path, text) {
    state.path = path;
    $("kind").value = kindOf(path);
    $("draft-name").textContent = path;
    $("draft").value = text;
    check();
  }

  async function upload(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.subarray(0, 8192).includes(0)) {
      setStatus(`${file.name}: binary file, not text`, true);
      return;
    }
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (_error) {
      setStatus(`${file.name}: not UTF-8 text`, true);
      return;
    }
    loadDraft(file.name, text);
  }

  async function openPath(path) {
    try {
      const draft = await api(`/api/file?path=${encodeURIComponent(path)}`);
      loadDraft(draft.path, draft.text);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function changeKind(kind) {
    const dot = state.path.lastIndexOf(".");
    const base = dot > 0 ? state.path.slice(0, dot) : state.path;
    state.path = base + EXTENSIONS[kind];
    $("draft-name").textContent = state.path;
    check();
  }

  async function start() {
    // A token given in the address (#token=...) is kept for this tab only.
    const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
    if (fromHash) {
      state.token = fromHash;
      sessionStorage.setItem(TOKEN_KEY, fromHash);
      history.replaceState(null, "", location.pathname);
    }
    $("draft-name").textContent = state.path;
    $("draft").addEventListener("input", scheduleCheck);
    $("date").addEventListener("change", check);
    $("kind").addEventListener("change", (event) => changeKind(event.target.value));
    $("check").addEventListener("click", check);
    $("upload").addEventListener("change", (event) => {
      const [file] = event.target.files;
      if (file) upload(file);
      event.target.value = "";
    });
    $("open-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const path = $("open-path").value.trim();
      if (path) openPath(path);
    });
    $("token").addEventListener("change", (event) => {
      state.token = event.target.value;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      refreshInfo().then(check);
    });
    $("corpus-close").addEventListener("click", () => $("corpus-dialog").close());
    await refreshInfo();
  }

  async function refreshInfo() {
    try {
      const health = await api("/api/health");
      const kind = health.pipeline.statistical ? "statistical model" : "rule-based pipeline";
      $("corpus-info").textContent = `${plural(health.corpus.documents, "corpus document")} · ${kind} ${health.pipeline.name}`;
      const codes = await api("/api/codes");
      state.codes = new Map(codes.codes.map((code) => [code.code, code]));
      setStatus("ready");
      document.body.dataset.ready = "true";
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  start();
})();
