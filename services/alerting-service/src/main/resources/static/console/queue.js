"use strict";
(() => {
  const { api, loadSession, h, term, headline, time, age, priorityBadge, caveatText, follow, showLiveState, say,
    patientName, patientAge, patientSex, patientPlace, patientAttending } = ToxWatch;
  // Besides every alert transition, the queue reloads this often: ages stay current, and a patient's move
  // stored by another instance shows.
  const REFRESH_MS = 60000;
  let refreshTimer = null;
  const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 };
  const ACTIVE = ["OPEN", "ACKNOWLEDGED", "SNOOZED"];
  const rows = document.getElementById("queue-rows");
  const statusFilter = document.getElementById("status-filter");
  const patientFilter = document.getElementById("patient-filter");
  const announcer = document.getElementById("announcer");
  const fresh = new Set();

  async function alertsWithStatus(status) {
    const query = new URLSearchParams({ status, limit: "500" });
    if (patientFilter.value.trim()) query.set("patientId", patientFilter.value.trim());
    return api("/api/v1/alerts?" + query);
  }

  let loads = 0;

  async function load() {
    const wanted = statusFilter.value === "active" ? ACTIVE : [statusFilter.value];
    const issued = ++loads;
    const alerts = (await Promise.all(wanted.map(alertsWithStatus))).flat();
    // A slower answer to an earlier load (before a filter changed) must not replace a newer one.
    if (issued !== loads) return;
    // Priority first; within it, the alert waiting longest (oldest) first.
    alerts.sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.createdAt.localeCompare(b.createdAt));
    render(alerts);
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => load().catch((error) => say(announcer, error.message, "error")), REFRESH_MS);
  }

  function patientCell(alert) {
    const patient = alert.patient;
    return h("td", { class: "patient" },
      h("strong", { "data-field": "name" }, patientName(patient)), " ",
      h("small", {}, h("span", { "data-field": "age" }, patientAge(patient?.birthDate)), " · ",
        h("span", { "data-field": "sex" }, patientSex(patient))),
      h("br"),
      h("span", { "data-field": "location" }, patientPlace(patient)),
      h("br"),
      h("small", {}, "Attending: ", h("span", { "data-field": "attending" }, patientAttending(patient))),
      h("br"),
      h("a", { href: "/console/patient.html?id=" + encodeURIComponent(alert.patientId), "data-field": "patient-id" },
        alert.patientId));
  }

  // What drove the priority first, then the grade now; a HIGH row must not read as a grade 1.
  function alertCell(alert) {
    const { driver, current } = headline(alert);
    return h("td", {},
      h("a", { href: "/console/alert.html?id=" + encodeURIComponent(alert.alertId), "data-field": "driver" }, driver),
      current ? [" ", h("small", { "data-field": "current" }, current)] : null,
      alert.awaitingConfirmation ? h("br") : null,
      alert.awaitingConfirmation ? h("small", { class: "caveat" }, "awaiting confirmation") : null,
      ...(alert.caveats || []).flatMap((c) => [h("br"), h("small", { class: "caveat" }, caveatText(c))]));
  }

  function render(alerts) {
    const now = Date.now();
    rows.replaceChildren(...alerts.map((alert) => h("tr", {
        "data-alert-id": alert.alertId,
        "data-patient-id": alert.patientId,
        class: fresh.has(alert.alertId) ? "fresh" : null,
      },
      h("td", {}, priorityBadge(alert.priority)),
      alertCell(alert),
      patientCell(alert),
      h("td", { class: "status" }, alert.status.toLowerCase(),
        alert.resolutionProposedAt && alert.status !== "RESOLVED" ? h("br") : null,
        alert.resolutionProposedAt && alert.status !== "RESOLVED" ? h("small", {}, "resolution proposed") : null),
      h("td", {}, h("time", { datetime: alert.createdAt, title: time(alert.createdAt) }, age(alert.createdAt, now))),
      h("td", {}, h("time", { datetime: alert.updatedAt }, time(alert.updatedAt))))));
    document.getElementById("empty").hidden = alerts.length > 0;
    fresh.clear();
  }

  function changed(transition) {
    fresh.add(transition.alertId);
    const what = term(transition.criterion.toLowerCase()) + " grade " + (transition.grade ?? "—");
    const words = {
      RAISED: "New " + transition.priority.toLowerCase() + " priority alert: ",
      ESCALATED_GRADE: "Alert worsened: ",
      ESCALATED_TIER: "Alert escalated: ",
    };
    if (words[transition.transition]) say(announcer, words[transition.transition] + what);
    load().catch((error) => say(announcer, error.message, "error"));
  }

  statusFilter.addEventListener("change", () => load());
  patientFilter.addEventListener("change", () => load());
  document.getElementById("refresh").addEventListener("click", () => load());

  loadSession().then(async (s) => {
    const logout = document.getElementById("logout");
    logout.append(h("input", { type: "hidden", name: s.csrfParameter || "_csrf", value: s.csrfToken }));
    await load();
    follow(changed, (state) => {
      showLiveState(state);
      if (state === "live") load();
    }, (patientId) => {
      if ([...rows.children].some((row) => row.dataset.patientId === patientId)) {
        load().catch((error) => say(announcer, error.message, "error"));
      }
    });
  }).catch((error) => say(announcer, error.message, "error"));
})();
