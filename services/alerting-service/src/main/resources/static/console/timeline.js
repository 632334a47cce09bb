"use strict";
// The patient timeline: one hand-written SVG chart per analyte. No chart library: a line, points, a shaded
// reference range, grade bands and therapy lines are a few dozen lines of SVG, and nothing is fetched from outside
// the service. The server sends every observation received, the therapy events and both axes (ticks on 1/2/5 x 10^n
// and on the hospital's clock), so this script only draws; it never re-derives a grade, a threshold or a tick.
(() => {
  const { api, loadSession, h, term, range, say, unit: clinicalUnit, quantity,
    patientName, patientAge, patientSex, patientPlace, patientAttending } = ToxWatch;
  const SVG = "http://www.w3.org/2000/svg";
  const patientId = new URLSearchParams(window.location.search).get("id");
  const message = document.getElementById("message");
  // The drawing is as wide as the page shows it, so that its text is read at its own size on a tablet as on a desk.
  let WIDTH = 800;
  const LEFT = 56, RIGHT = 48, TOP = 40, PLOT = 190, TRACK = 26, AXIS = 54;
  // One colour and one mark per line of a panel (blood pressure has three): circle, square, diamond.
  const COLOURS = ["#0b4f9c", "#8a4b00", "#5b2a86"];
  const NADIR = "#b00020";
  let zone = "UTC";

  function s(tag, attributes = {}, ...children) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(child));
    return element;
  }

  /** A time on the hospital's clock, e.g. "3 Dec 2026, 07:00", whatever zone this device is in. */
  function at(iso) {
    return iso ? new Date(iso).toLocaleString("en-GB", { timeZone: zone, day: "numeric", month: "short",
      year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) : "—";
  }

  function unitText(unit) {
    return clinicalUnit(unit);
  }

  /** A point's value with its unit, as ClinicalWording writes it: "<0.1 × 10⁹/L", "38.4 °C". */
  function valueWithUnit(p) {
    return quantity(valueText(p), p.unit);
  }

  function rangeWithUnit(referenceRange, ucum) {
    const bounds = range(referenceRange);
    const written = unitText(ucum);
    return bounds === "—" || !written ? bounds : bounds + (written.startsWith("10") ? " × " : " ") + written;
  }

  function valueText(p) {
    return (p.comparator || "") + Number(p.value);
  }

  function chart(panel, view) {
    const axis = panel.valueAxis, time = view.timeAxis;
    const ticks = axis.ticks.map(Number);
    const low = Number(axis.low), high = Number(axis.high);
    const tracks = panel.grades.filter((track) => track.grades.length > 0);
    const height = TOP + PLOT + tracks.length * TRACK + AXIS;
    const from = Date.parse(time.from), to = Date.parse(time.to);
    const x = (t) => LEFT + ((Date.parse(t) - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
    const y = (v) => TOP + PLOT - ((Number(v) - low) / (high - low)) * PLOT;
    const unit = unitText(panel.unit);
    const titleId = "chart-" + panel.key, descId = titleId + "-desc";
    const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img",
      "aria-labelledby": titleId, "aria-describedby": descId });
    svg.append(s("title", { id: titleId }, panel.title + " (" + unit + ")"));
    svg.append(s("desc", { id: descId }, describe(panel)));

    // Reference range from the newest result that has one in the charted unit.
    const withRange = panel.series.flatMap((series) => series.points)
      .filter((p) => p.referenceRange && p.reportedUnit === p.unit)
      .sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
    const reference = withRange.length ? withRange[withRange.length - 1].referenceRange : null;
    if (reference) {
      const top = y(Math.min(high, reference.high != null ? Number(reference.high) : high));
      const bottom = y(Math.max(low, reference.low != null ? Number(reference.low) : low));
      svg.append(s("rect", { x: LEFT, y: top, width: WIDTH - LEFT - RIGHT, height: Math.max(0, bottom - top),
        fill: "#e3ecf7", "data-role": "reference" }, s("title", {}, "Reference range " + range(reference) + " " + unit)));
    }
    svg.append(s("text", { x: 4, y: 14, "font-size": 13, fill: "#1a1a1a" }, unit));
    for (const tick of ticks) {
      svg.append(s("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick), stroke: "#c7c7c7" }));
      svg.append(s("text", { x: LEFT - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": 13, fill: "#1a1a1a",
        class: "value-tick" }, String(tick)));
    }
    for (const tick of time.ticks) {
      const tx = x(tick.at);
      svg.append(s("line", { x1: tx, x2: tx, y1: TOP, y2: height - AXIS, stroke: "#e6e6e6" }));
      const label = s("text", { x: tx, y: height - AXIS + 16, "text-anchor": "middle", "font-size": 13,
        fill: "#1a1a1a", class: "time-tick" }, tick.label);
      svg.append(label);
      const under = [tick.date, tick.therapyDay].filter(Boolean);
      under.forEach((text, i) => svg.append(s("text", { x: tx, y: height - AXIS + 31 + i * 14,
        "text-anchor": "middle", "font-size": 12, fill: "#4a4a4a", class: i === under.length - 1 && tick.therapyDay
          ? "therapy-day" : "date-tick" }, text)));
    }
    therapyLines(svg, view, x, height);
    panel.series.forEach((series, index) => line(svg, series, index, x, y));
    tracks.forEach((track, index) => gradeTrack(svg, track, TOP + PLOT + 4 + index * TRACK, x));
    return svg;
  }

  function line(svg, series, index, x, y) {
    const colour = COLOURS[index % COLOURS.length];
    const points = series.points;
    if (points.length > 1) {
      svg.append(s("polyline", { fill: "none", stroke: colour, "stroke-width": 2, "data-series": series.name,
        points: points.map((p) => x(p.observedAt) + "," + y(p.value)).join(" ") }));
    }
    for (const p of points) {
      const label = `${series.name} ${valueWithUnit(p)} at ${at(p.observedAt)}`
        + (p.referenceRange ? `; reference ${rangeWithUnit(p.referenceRange, p.unit)}` : "")
        + (p.graded ? "" : "; no grade changed with it");
      const hollow = p.comparator ? { fill: "#fff", stroke: colour, "stroke-width": 2 } : { fill: colour };
      const px = x(p.observedAt), py = y(p.value);
      const shape = index % COLOURS.length;
      const mark = shape === 0 ? s("circle", { cx: px, cy: py, r: 4, ...hollow })
        : shape === 1 ? s("rect", { x: px - 4, y: py - 4, width: 8, height: 8, ...hollow })
          : s("polygon", { points: `${px},${py - 5} ${px + 5},${py} ${px},${py + 5} ${px - 5},${py}`, "data-x": px,
            ...hollow });
      mark.setAttribute("data-series", series.name);
      mark.setAttribute("data-value", String(Number(p.value)));
      mark.setAttribute("data-observed-at", p.observedAt);
      mark.append(s("title", {}, label));
      svg.append(mark);
    }
    const nadir = points.find((p) => p.observationId === series.nadir);
    if (nadir) {
      const nx = x(nadir.observedAt), ny = y(nadir.value);
      svg.append(s("circle", { cx: nx, cy: ny, r: 8, fill: "none", stroke: NADIR, "stroke-width": 2,
        class: "nadir", "data-value": String(Number(nadir.value)) },
        s("title", {}, `Nadir ${valueWithUnit(nadir)} at ${at(nadir.observedAt)}`)));
      const below = ny < TOP + PLOT - 24;
      svg.append(s("text", { x: nx, y: below ? ny + 24 : ny - 14, "text-anchor": "middle", "font-size": 13,
        "font-weight": 700, fill: NADIR }, "nadir " + valueText(nadir)));
    }
    const latest = points[points.length - 1];
    if (latest && latest !== nadir) {
      svg.append(s("text", { x: x(latest.observedAt) + 8, y: y(latest.value) + 4, "font-size": 13,
        "font-weight": 700, fill: colour, class: "latest" }, valueText(latest)));
    }
  }

  function gradeTrack(svg, track, top, x) {
    track.grades.forEach((g, i) => {
      const start = x(g.assessedAt);
      const end = i + 1 < track.grades.length ? x(track.grades[i + 1].assessedAt) : WIDTH - RIGHT;
      const band = s("rect", { x: start, y: top, width: Math.max(1, end - start), height: TRACK - 6,
        class: "grade-" + Math.min(g.grade, 5), stroke: "#4a4a4a", "stroke-width": 0.5 });
      band.append(s("title", {}, `${term(track.criterionId)} grade ${g.grade} from ${at(g.assessedAt)}`));
      svg.append(band);
      const full = term(track.criterionId) + " · grade " + g.grade;
      const label = end - start > full.length * 7.5 + 8 ? full : end - start > 24 ? "G" + g.grade : "";
      if (label) {
        svg.append(s("text", { x: start + 4, y: top + 14, "font-size": 13, fill: g.grade >= 4 ? "#fff" : "#1a1a1a" },
          label));
      }
    });
    svg.append(s("text", { x: LEFT - 6, y: top + 14, "text-anchor": "end", "font-size": 12, fill: "#4a4a4a" },
      "grade"));
  }

  // Day 0 (CAR-T infusion, or the first dose: T0) solid and labelled; every other dose dashed, labelled where there
  // is room; an enrolment dotted. Without therapy events, the episode start the assessments name, dashed.
  function therapyLines(svg, view, x, height) {
    const lines = view.therapyEvents.map((e) => ({ at: e.occurredAt, label: e.label, dayZero: e.dayZero,
      kind: e.dayZero ? "day-zero" : e.type === "ENROLLED" ? "enrolment" : "dose" }))
      .concat(view.therapyMarkers.map((m) => ({ at: m.startedAt, label: term(m.therapy.toLowerCase()) + " episode start",
        dayZero: false, kind: "episode-start" })));
    let lastLabelEnd = -Infinity;
    for (const l of lines.sort((a, b) => (b.dayZero - a.dayZero) || Date.parse(a.at) - Date.parse(b.at))) {
      const lx = x(l.at);
      const style = l.kind === "day-zero" ? { stroke: "#1a1a1a", "stroke-width": 2 }
        : l.kind === "enrolment" ? { stroke: "#4a4a4a", "stroke-width": 1.5, "stroke-dasharray": "1 3" }
          : { stroke: "#1a1a1a", "stroke-width": 1, "stroke-dasharray": "5 3" };
      svg.append(s("line", { x1: lx, x2: lx, y1: TOP - 14, y2: height - AXIS, ...style, "data-therapy": l.kind,
        "data-at": l.at }, s("title", {}, l.label + ", " + at(l.at))));
      const width = l.label.length * 7 + 6;
      const fits = l.dayZero || lx + 3 > lastLabelEnd;
      if (fits) {
        const row = l.dayZero ? 0 : 1;
        const anchorEnd = lx + width > WIDTH;
        svg.append(s("text", { x: anchorEnd ? lx - 3 : lx + 3, y: 12 + row * 14, "font-size": 12,
          "font-weight": l.dayZero ? 700 : 400, fill: "#1a1a1a", "text-anchor": anchorEnd ? "end" : "start" }, l.label));
        if (!l.dayZero) lastLabelEnd = lx + width;
      }
    }
  }

  function describe(panel) {
    return panel.series.map((series) => {
      const points = series.points;
      if (!points.length) return series.name + ": no results";
      const latest = points[points.length - 1];
      const nadir = points.find((p) => p.observationId === series.nadir);
      return `${series.name}: ${points.length} results; latest ${valueWithUnit(latest)} at `
        + at(latest.observedAt) + (nadir ? `; nadir ${valueText(nadir)} at ${at(nadir.observedAt)}` : "");
    }).join(". ") + ". The data table below lists every value.";
  }

  function legend(panel, view) {
    const items = panel.series.map((series, index) => series.points.length
      ? h("li", {}, h("span", { class: "key-line key-line-" + (index % COLOURS.length) }), series.name) : null)
      .filter(Boolean);
    if (panel.series.some((series) => series.nadir)) items.push(h("li", {}, h("span", { class: "key-nadir" }), "nadir"));
    if (panel.series.some((series) => series.points.some((p) => p.comparator))) {
      items.push(h("li", {}, h("span", { class: "key-censored" }), "censored (< or >)"));
    }
    if (panel.series.some((series) => series.points.some((p) => p.referenceRange && p.reportedUnit === p.unit))) {
      items.push(h("li", {}, h("span", { class: "key-reference" }), "reference range"));
    }
    if (view.therapyEvents.some((e) => e.dayZero)) items.push(h("li", {}, h("span", { class: "key-day-zero" }), "day 0 / T0"));
    if (view.therapyEvents.some((e) => !e.dayZero && e.type !== "ENROLLED") || view.therapyMarkers.length) {
      items.push(h("li", {}, h("span", { class: "key-dose" }), "dose / infusion"));
    }
    if (view.therapyEvents.some((e) => e.type === "ENROLLED")) items.push(h("li", {}, h("span", { class: "key-enrolment" }), "enrolment"));
    for (const track of panel.grades.filter((t) => t.grades.length)) {
      items.push(h("li", {}, "band: " + term(track.criterionId) + " grade"));
    }
    return h("ul", { class: "chart-legend", "aria-label": "Legend: " + panel.title }, items);
  }

  function dataTable(panel) {
    const rows = panel.series.flatMap((series) => series.points.map((p) => h("tr",
      { "data-observation": p.observationId, class: p.observationId === series.nadir ? "nadir-row" : null },
      h("td", {}, at(p.observedAt)), h("td", {}, series.name),
      h("td", {}, valueWithUnit(p), p.observationId === series.nadir ? h("strong", {}, " (nadir)") : null),
      h("td", { "data-field": "as-received" }, quantity(p.reportedValue, p.reportedUnit)),
      h("td", {}, rangeWithUnit(p.referenceRange, p.unit)), h("td", {}, p.graded ? "yes" : "no"),
      h("td", {}, h("code", {}, p.sourceMessageId)))));
    return h("details", {}, h("summary", {}, "Data table: " + panel.title),
      h("div", { class: "table-wrap" }, h("table", {},
        h("thead", {}, h("tr", {}, ["Observed", "Series", "Value", "As received", "Reference range",
          "Used in an assessment", "Source message"].map((name) => h("th", { scope: "col" }, name)))),
        h("tbody", {}, rows))));
  }

  function therapyTable(view) {
    if (!view.therapyEvents.length) return null;
    return h("details", { class: "therapy-events" }, h("summary", {}, "Therapy events"),
      h("div", { class: "table-wrap" }, h("table", {},
        h("thead", {}, h("tr", {}, ["When", "Event"].map((name) => h("th", { scope: "col" }, name)))),
        h("tbody", {}, view.therapyEvents.map((e) => h("tr", { "data-type": e.type },
          h("td", {}, at(e.occurredAt)), h("td", {}, e.label)))))));
  }

  function render(view) {
    zone = view.hospitalZone;
    WIDTH = Math.round(Math.max(560, Math.min(1180, document.getElementById("panels").clientWidth - 20)));
    document.getElementById("timeline-title").textContent = "Patient timeline: " + view.patientId;
    document.getElementById("timeline-zone").textContent = "Times are hospital time (" + zone + ").";
    const panels = document.getElementById("panels");
    if (!view.timeAxis) {
      panels.replaceChildren(h("p", {}, "Nothing received for this patient yet."));
    } else {
      panels.replaceChildren(therapyTable(view) || "", ...view.panels.map((panel) => {
        const empty = panel.series.every((series) => series.points.length === 0);
        return h("figure", { class: "chart", "data-panel": panel.key },
          h("figcaption", {}, panel.title),
          empty ? h("p", {}, "No results.") : chart(panel, view),
          empty ? null : legend(panel, view),
          empty ? null : dataTable(panel));
      }));
    }
    document.getElementById("assessments").replaceChildren(...view.assessments.slice().reverse().map((a) =>
      h("tr", {},
        h("td", {}, at(a.assessedAt)), h("td", {}, term(a.criterionId)),
        h("td", {}, a.grade ?? "not assessable"), h("td", {}, a.summary,
          a.labOnlyGrading ? h("small", {}, " (lab-only grade; clinical criteria not assessed)") : null),
        h("td", {}, a.evidence.map((e) => e.display + " " + (e.value ?? "—") + " " + (e.unit || "")).join("; ")))));
  }

  // Who the patient is; no patient record yet (404) leaves every detail "—".
  async function showPatient() {
    let patient = null;
    try {
      patient = await api("/api/v1/patients/" + encodeURIComponent(patientId));
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    document.getElementById("patient-summary").replaceChildren(
      h("strong", { "data-field": "name" }, patientName(patient)), " · ",
      h("span", { "data-field": "age" }, patientAge(patient?.birthDate)), " · ",
      h("span", { "data-field": "sex" }, patientSex(patient)), " · ",
      h("span", { "data-field": "location" }, patientPlace(patient)), " · attending ",
      h("span", { "data-field": "attending" }, patientAttending(patient)));
  }

  function showTimeline() {
    return api("/api/v1/patients/" + encodeURIComponent(patientId) + "/timeline").then(render);
  }

  // Whether the charts are current: alerting's readers behind them (lab results, vital signs, therapy events,
  // patient records) can fall behind while every alert is current (GET /api/v1/charting/status). Checked every 15 s
  // (5 s while not live); once they have caught up, the charts are read again.
  let charting = "LIVE";
  async function checkCharting() {
    let status;
    try {
      status = await api("/api/v1/charting/status");
    } catch (error) {
      if (error.message === "signed out") return;
      status = { status: "UNKNOWN", since: null };
    }
    const notice = document.getElementById("charting");
    const behind = status.status !== "LIVE";
    notice.hidden = !behind;
    notice.dataset.status = status.status;
    notice.textContent = behind ? chartingWarning(status) : "";
    if (!behind && charting !== "LIVE") showTimeline().catch((error) => say(message, error.message, "error"));
    charting = status.status;
    setTimeout(checkCharting, behind ? 5000 : 15000);
  }

  function chartingWarning(status) {
    const what = { DELAYED: "Charts delayed", STOPPED: "Charting stopped" }[status.status]
      || "Charting status unknown";
    return what + (status.since ? " since " + at(status.since) : "")
      + " — values received since may be missing here (alerts are not affected)";
  }

  if (!patientId) {
    say(message, "No patient named: open one from an alert.", "error");
    return;
  }
  loadSession()
    .then(() => Promise.all([showPatient(), showTimeline()]))
    .then(checkCharting)
    .catch((error) => say(message, error.message, "error"));
})();
