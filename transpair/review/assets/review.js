"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const storeKey = "transpair-review:" + data.key;
  const rowsBox = document.getElementById("rows");
  const onlyDoubtful = document.getElementById("only-doubtful");
  const onlyFindings = document.getElementById("only-findings");
  const SYMBOLS = data.symbols;
  let beads = load();
  let history = [];
  let current = -1;

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (Array.isArray(saved)) return saved;
    } catch (e) {
      /* storage unavailable or unreadable: start from the alignment */
    }
    return data.beads.map((b) => Object.assign({}, b));
  }

  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify(beads));
    } catch (e) {
      /* storage full or disabled: the edits live until the page closes */
    }
  }

  function shapeStatus(bead) {
    if (bead.source.length && bead.target.length) return "translated";
    return bead.source.length ? "source-only" : "target-only";
  }

  function doubtful(bead) {
    return !bead.reviewed && data.doubtful.includes(bead.status);
  }

  function findings(bead) {
    // what `transpair check` finds in the row's translation (an edited row is paired anew: none)
    return bead.findings || [];
  }

  function fnv1a(text) {
    let h = 0xcbf29ce484222325n;
    for (const byte of new TextEncoder().encode(text)) {
      h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h.toString(16).padStart(16, "0");
  }

  function beadHash(bead) {
    const src = bead.source.map((i) => data.source.blocks[i].text).join("\n\n");
    const tgt = bead.target.map((j) => data.target.blocks[j].text).join("\n\n");
    return fnv1a(src + "\u0000" + tgt);
  }

  function edited(source, target) {
    const bead = { source: source, target: target, score: 1, reason: "", reviewed: true };
    bead.status = shapeStatus(bead);
    return bead;
  }

  function change(at, count, replacement) {
    history.push(beads);
    beads = beads.slice(0, at).concat(replacement, beads.slice(at + count));
    save();
    render();
  }

  const ACTIONS = {
    join: (k) => {
      const a = beads[k];
      const b = beads[k + 1];
      change(k, 2, [edited(a.source.concat(b.source), a.target.concat(b.target))]);
    },
    split: (k) => {
      const b = beads[k];
      const n = Math.max(b.source.length, b.target.length);
      const parts = [];
      for (let i = 0; i < n; i++) {
        const part = edited(b.source.slice(i, i + 1), b.target.slice(i, i + 1));
        parts.push(part);
      }
      change(k, 1, parts);
    },
    unpair: (k) => {
      const b = beads[k];
      const parts = b.source.map((i) => edited([i], [])).concat(b.target.map((j) => edited([], [j])));
      change(k, 1, parts);
    },
    confirm: (k) => change(k, 1, [Object.assign({}, beads[k], { reviewed: true })]),
  };

  function actionsFor(k) {
    const b = beads[k];
    const next = beads[k + 1];
    const found = [];
    if (next) {
      const pairs =
        !b.target.length && !next.source.length && b.source.length && next.target.length;
      const pairsBack =
        !b.source.length && !next.target.length && b.target.length && next.source.length;
      found.push(["join", pairs || pairsBack ? "pair with next" : "join with next"]);
    }
    if (b.source.length > 1 || b.target.length > 1) found.push(["split", "split"]);
    if (b.source.length && b.target.length) found.push(["unpair", "unpair"]);
    if (!b.reviewed) found.push(["confirm", "confirm"]);
    return found;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function side(ids, doc) {
    const cell = element("div", "side");
    for (const i of ids) cell.appendChild(element("p", "block " + doc.blocks[i].kind, doc.blocks[i].text));
    if (!ids.length) cell.appendChild(element("p", "none", "(nothing)"));
    return cell;
  }

  function lines(bead) {
    const cell = element("div", "num");
    for (const i of bead.source) cell.appendChild(element("span", "", String(data.source.blocks[i].line)));
    for (const j of bead.source.length ? [] : bead.target) {
      cell.appendChild(element("span", "other", data.target_lang + " " + data.target.blocks[j].line));
    }
    return cell;
  }

  function diff(runs) {
    // the source's change since the translation, word by word: removed words struck, added ones marked
    const box = element("p", "diff");
    box.title = "source: old -> new";
    const tags = { "=": "span", "-": "del", "+": "ins" };
    for (const [op, text] of runs) box.appendChild(element(tags[op] || "span", "", text));
    return box;
  }

  function meta(bead, k) {
    const cell = element("div", "meta");
    const label = bead.reviewed ? "reviewed" : bead.status;
    const badge = element("span", "badge", SYMBOLS[label] + " " + label);
    if (bead.reviewed && bead.status !== "translated") badge.textContent += " (" + bead.status + ")";
    cell.appendChild(badge);
    const shape = bead.source.length + "-" + bead.target.length;
    cell.appendChild(element("span", "shape", shape + " · " + Number(bead.score).toFixed(2)));
    if (bead.reason) cell.appendChild(element("span", "reason", bead.reason));
    if (bead.diff) cell.appendChild(diff(bead.diff));
    for (const found of findings(bead)) {
      const mark = element("span", "finding " + found.level, "\u2691 " + found.check + ": " + found.message);
      mark.title = found.level + " [" + found.check + "] " + found.message;
      cell.appendChild(mark);
    }
    const tools = element("span", "actions");
    for (const [name, text] of actionsFor(k)) {
      const button = element("button", "", text);
      button.type = "button";
      button.dataset.action = name;
      button.dataset.row = String(k);
      tools.appendChild(button);
    }
    cell.appendChild(tools);
    return cell;
  }

  function render() {
    const fragment = document.createDocumentFragment();
    beads.forEach((bead, k) => {
      const row = element("div", "row");
      row.dataset.status = bead.reviewed ? "reviewed" : bead.status;
      row.dataset.index = String(k);
      row.tabIndex = -1;
      if (doubtful(bead)) row.classList.add("doubtful");
      if (findings(bead).length) row.classList.add("has-findings");
      if (k === current) row.classList.add("current");
      row.append(lines(bead), side(bead.source, data.source), side(bead.target, data.target), meta(bead, k));
      fragment.appendChild(row);
    });
    rowsBox.replaceChildren(fragment);
    summary();
  }

  function summary() {
    const counts = {};
    for (const b of beads) {
      const status = b.reviewed ? "reviewed" : b.status;
      counts[status] = (counts[status] || 0) + 1;
    }
    const box = document.getElementById("counts");
    const parts = [element("span", "total", beads.length + " beads")];
    for (const status of data.statuses.concat(["reviewed"])) {
      if (!counts[status]) continue;
      const chip = element("span", "chip", SYMBOLS[status] + " " + counts[status] + " " + status);
      chip.dataset.status = status;
      parts.push(chip);
    }
    const found = beads.reduce((n, b) => n + findings(b).length, 0);
    const rows = beads.filter((b) => findings(b).length).length;
    const counted = (n, word) => n + " " + word + (n === 1 ? "" : "s");
    parts.push(element("span", "total findings", "\u2691 " + counted(found, "finding") + " in " + counted(rows, "row")));
    parts.push(element("span", "total", beads.filter(doubtful).length + " doubtful"));
    box.replaceChildren(...parts);
    document.getElementById("undo").disabled = !history.length;
  }

  function move(step) {
    const rows = beads.map((b, k) => k).filter((k) => doubtful(beads[k]));
    if (!rows.length) return;
    const ahead = step > 0 ? rows.filter((k) => k > current) : rows.filter((k) => k < current).reverse();
    current = ahead.length ? ahead[0] : step > 0 ? rows[0] : rows[rows.length - 1];
    for (const row of rowsBox.querySelectorAll(".row.current")) row.classList.remove("current");
    const row = rowsBox.children[current];
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }

  function exportCorrections() {
    const file = {
      format: data.format,
      version: data.version,
      source: data.source.name,
      target: data.target.name,
      beads: beads
        .filter((b) => b.reviewed)
        .map((b) => ({ source: b.source, target: b.target, hash: beadHash(b) })),
    };
    const blob = new Blob([JSON.stringify(file, null, 1) + "\n"], { type: "application/json" });
    const link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.corrections_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  rowsBox.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button) ACTIONS[button.dataset.action](Number(button.dataset.row));
  });
  onlyDoubtful.addEventListener("change", () => document.body.classList.toggle("filtered", onlyDoubtful.checked));
  onlyFindings.addEventListener("change", () => document.body.classList.toggle("only-findings", onlyFindings.checked));
  document.getElementById("next").addEventListener("click", () => move(1));
  document.getElementById("prev").addEventListener("click", () => move(-1));
  document.getElementById("export").addEventListener("click", exportCorrections);
  document.getElementById("undo").addEventListener("click", () => {
    if (!history.length) return;
    beads = history.pop();
    save();
    render();
  });
  document.getElementById("reset").addEventListener("click", () => {
    history.push(beads);
    beads = data.beads.map((b) => Object.assign({}, b));
    save();
    render();
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.matches("input:not([type=checkbox]), textarea, select")) return;
    const keys = { j: () => move(1), n: () => move(1), k: () => move(-1), p: () => move(-1) };
    keys.f = () => onlyDoubtful.click();
    keys.u = () => document.getElementById("undo").click();
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  render();
})();
