"use strict";
// The patient timeline: one hand-written SVG chart per analyte. No chart library: a line, points, a shaded
// reference range, grade bands and therapy markers are a few dozen lines of SVG, and nothing is fetched from
// outside the service.
(() => {
  const { api, loadSession, h, term, time, range, say,
    patientName, patientAge, patientSex, patientPlace, patientAttending } = ToxWatch;
  const SVG = "http://www.w3.org/2000/svg";
  const patientId = new URLSearchParams(window.location.search).get("id");
  const message = document.getElementById("message");
  const WIDTH = 800, LEFT = 64, RIGHT = 16, PLOT = 180, TRACK = 26, TOP = 18, AXIS = 30;
  const COLOURS = ["#0b4f9c", "#8a4b00"];

  function s(tag, attributes = {}, ...children) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(child));
    return element;
  }

  function timeDomain(view) {
    const times = [];
    for (const panel of view.panels) {
      for (const series of panel.series) for (const p of series.points) times.push(Date.parse(p.observedAt));
      for (const track of panel.grades) for (const g of track.grades) times.push(Date.parse(g.assessedAt));
    }
    for (const marker of view.therapyMarkers) times.push(Date.parse(marker.startedAt));
    if (times.length === 0) return null;
    let from = Math.min(...times), to = Math.max(...times);
    const pad = Math.max((to - from) * 0.04, 3600_000);
    return [from - pad, to + pad];
  }

  function chart(panel, domain, markers) {
    const values = panel.series.flatMap((series) => series.points.map((p) => Number(p.value)));
    const withRange = panel.series.flatMap((series) => series.points)
      .filter((p) => p.referenceRange && p.reportedUnit === p.unit);
    const reference = withRange.length ? withRange[withRange.length - 1].referenceRange : null;
    const bounds = [...values];
    if (reference?.low != null) bounds.push(Number(reference.low));
    if (reference?.high != null) bounds.push(Number(reference.high));
    let low = bounds.length ? Math.min(...bounds) : 0, high = bounds.length ? Math.max(...bounds) : 1;
    if (low === high) { low -= 1; high += 1; }
    const padding = (high - low) * 0.1;
    low = low >= 0 && low - padding < 0 ? 0 : low - padding;
    high += padding;
    const tracks = panel.grades.filter((track) => track.grades.length > 0);
    const height = TOP + PLOT + tracks.length * TRACK + AXIS;
    const x = (t) => LEFT + ((Date.parse(t) - domain[0]) / (domain[1] - domain[0])) * (WIDTH - LEFT - RIGHT);
    const y = (v) => TOP + PLOT - ((Number(v) - low) / (high - low)) * PLOT;
    const titleId = "chart-" + panel.key, descId = titleId + "-desc";
    const unit = panel.series.flatMap((series) => series.points).find((p) => p.unit)?.unit || "";
    const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img",
      "aria-labelledby": titleId, "aria-describedby": descId });
    svg.append(s("title", { id: titleId }, panel.title + (unit ? " (" + unit + ")" : "")));
    svg.append(s("desc", { id: descId }, values.length + " results; the data table below lists them."));

    if (reference) {
      const top = reference.high != null ? y(reference.high) : TOP;
      const bottom = reference.low != null ? y(reference.low) : TOP + PLOT;
      svg.append(s("rect", { x: LEFT, y: top, width: WIDTH - LEFT - RIGHT, height: Math.max(0, bottom - top),
        fill: "#e3ecf7" }, s("title", {}, "Reference range " + range(reference) + " " + unit)));
    }
    for (const tick of [low, (low + high) / 2, high]) {
      svg.append(s("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick), stroke: "#c7c7c7" }));
      svg.append(s("text", { x: LEFT - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": 14, fill: "#1a1a1a" },
        Number(tick.toPrecision(3)).toString()));
    }
    panel.series.forEach((series, index) => {
      const colour = COLOURS[index % COLOURS.length];
      if (series.points.length > 1) {
        svg.append(s("polyline", { fill: "none", stroke: colour, "stroke-width": 2,
          points: series.points.map((p) => x(p.observedAt) + "," + y(p.value)).join(" ") }));
      }
      for (const p of series.points) {
        const label = `${series.name} ${p.value} ${p.unit || ""} at ${time(p.observedAt)}`
          + (p.referenceRange ? `; reference ${range(p.referenceRange)} ${p.reportedUnit || ""}` : "");
        const mark = index % 2 === 0
          ? s("circle", { cx: x(p.observedAt), cy: y(p.value), r: 4, fill: colour })
          : s("rect", { x: x(p.observedAt) - 4, y: y(p.value) - 4, width: 8, height: 8, fill: colour });
        mark.append(s("title", {}, label));
        svg.append(mark);
      }
    });
    tracks.forEach((track, index) => {
      const top = TOP + PLOT + 4 + index * TRACK;
      svg.append(s("text", { x: LEFT - 6, y: top + 16, "text-anchor": "end", "font-size": 13, fill: "#1a1a1a" },
        "grade"));
      track.grades.forEach((g, i) => {
        const start = x(g.assessedAt);
        const end = i + 1 < track.grades.length ? x(track.grades[i + 1].assessedAt) : WIDTH - RIGHT;
        const band = s("rect", { x: start, y: top, width: Math.max(1, end - start), height: TRACK - 6,
          class: "grade-" + Math.min(g.grade, 5), stroke: "#4a4a4a", "stroke-width": 0.5 });
        band.append(s("title", {}, `${term(track.criterionId)} grade ${g.grade} from ${time(g.assessedAt)}`));
        svg.append(band);
        const full = term(track.criterionId) + " · grade " + g.grade;
        const label = end - start > full.length * 7.5 + 8 ? full : end - start > 24 ? "G" + g.grade : "";
        if (label) {
          svg.append(s("text", { x: start + 4, y: top + 14, "font-size": 13, fill: g.grade >= 4 ? "#fff" : "#1a1a1a" },
            label));
        }
      });
    });
    for (const marker of markers) {
      const at = x(marker.startedAt);
      svg.append(s("line", { x1: at, x2: at, y1: TOP - 4, y2: height - AXIS, stroke: "#1a1a1a",
        "stroke-dasharray": "4 3" }, s("title", {}, marker.therapy + " started " + time(marker.startedAt))));
      svg.append(s("text", { x: at + 3, y: TOP - 6, "font-size": 13, fill: "#1a1a1a" },
        term(marker.therapy.toLowerCase()) + " T0"));
    }
    const TICKS = 3;
    for (let i = 0; i <= TICKS; i++) {
      const t = domain[0] + ((domain[1] - domain[0]) * i) / TICKS;
      const at = LEFT + ((WIDTH - LEFT - RIGHT) * i) / TICKS;
      svg.append(s("text", { x: at, y: height - 10, "font-size": 13, fill: "#1a1a1a",
        "text-anchor": i === 0 ? "start" : i === TICKS ? "end" : "middle" },
        new Date(t).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })));
    }
    return svg;
  }

  function dataTable(panel) {
    const rows = panel.series.flatMap((series) => series.points.map((p) => h("tr", {},
      h("td", {}, time(p.observedAt)), h("td", {}, series.name), h("td", {}, p.value + " " + (p.unit || "")),
      h("td", {}, p.reportedValue != null ? p.reportedValue + " " + (p.reportedUnit || "") : "—"),
      h("td", {}, range(p.referenceRange)), h("td", {}, h("code", {}, p.sourceMessageId)))));
    return h("details", {}, h("summary", {}, "Data table: " + panel.title),
      h("div", { class: "table-wrap" }, h("table", {},
        h("thead", {}, h("tr", {}, ["Observed", "Series", "Value", "As reported", "Reference range",
          "Source message"].map((name) => h("th", { scope: "col" }, name)))),
        h("tbody", {}, rows))));
  }

  function render(view) {
    document.getElementById("timeline-title").textContent = "Patient timeline: " + view.patientId;
    const domain = timeDomain(view);
    const panels = document.getElementById("panels");
    if (!domain) {
      panels.replaceChildren(h("p", {}, "No assessments received for this patient yet."));
    } else {
      panels.replaceChildren(...view.panels.map((panel) => {
        const empty = panel.series.every((series) => series.points.length === 0)
          && panel.grades.every((track) => track.grades.length === 0);
        return h("figure", { class: "chart", "data-panel": panel.key },
          h("figcaption", {}, panel.title),
          empty ? h("p", {}, "No results.") : chart(panel, domain, view.therapyMarkers),
          empty ? null : dataTable(panel));
      }));
    }
    document.getElementById("assessments").replaceChildren(...view.assessments.slice().reverse().map((a) =>
      h("tr", {},
        h("td", {}, time(a.assessedAt)), h("td", {}, term(a.criterionId)),
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

  if (!patientId) {
    say(message, "No patient named: open one from an alert.", "error");
    return;
  }
  loadSession()
    .then(() => Promise.all([
      showPatient(),
      api("/api/v1/patients/" + encodeURIComponent(patientId) + "/timeline").then(render),
    ]))
    .catch((error) => say(message, error.message, "error"));
})();
