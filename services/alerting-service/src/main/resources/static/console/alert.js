"use strict";
(() => {
  const { api, loadSession, h, term, headline, time, priorityBadge, caveatText, follow, showLiveState, say,
    patientName, patientAge, birthDateText, patientSex, patientPlace, patientAttending } = ToxWatch;
  let shownPatientId = null;
  const alertId = new URLSearchParams(window.location.search).get("id");
  const message = document.getElementById("message");

  function fact(name, ...value) {
    return [h("dt", {}, name), h("dd", {}, ...value)];
  }

  function render({ alert, audit }) {
    const { driver, current } = headline(alert);
    const drivenBy = alert.drivenBy;
    document.title = driver + " · ToxWatch";
    document.getElementById("alert-title").replaceChildren(
      priorityBadge(alert.priority), " ", h("span", { id: "alert-driver" }, driver),
      ...(current ? [" ", h("small", { id: "alert-current" }, current)] : []));
    // Whose alert and why, above the actions: on a tablet these and Acknowledge make the first screen.
    document.getElementById("alert-who").replaceChildren(h("strong", {}, patientName(alert.patient)), " · ",
      patientAge(alert.patient?.birthDate), " · ", patientPlace(alert.patient),
      alert.therapyDay ? " · " + alert.therapyDay : "");
    document.getElementById("alert-why").textContent = (drivenBy && drivenBy.summaryText) || alert.summaryText || "";
    // The tables show the latest assessment; when a later one of another grade or criterion followed the one that
    // drove the priority, their titles say whose evidence it is, so it is not read as the headline's.
    const latestIsDriver = !drivenBy || drivenBy.assessmentEventId === alert.assessmentEventId;
    const latest = term(alert.criterionId) + " · grade " + (alert.grade ?? "not assessable");
    document.getElementById("evidence-title").textContent =
      latestIsDriver ? "Evidence" : "Evidence of the latest assessment: " + latest;
    document.getElementById("thresholds-title").textContent =
      latestIsDriver ? "Criteria applied" : "Criteria applied to the latest assessment";
    const therapy = alert.therapyContext;
    const patient = alert.patient;
    shownPatientId = alert.patientId;
    document.getElementById("facts").replaceChildren(...[
      fact("Patient", h("strong", { id: "patient-name" }, patientName(patient)), " · ",
        h("a", { href: "/console/patient.html?id=" + encodeURIComponent(alert.patientId) }, alert.patientId),
        " (timeline)"),
      fact("Age", h("span", { id: "patient-age" }, patientAge(patient?.birthDate)),
        patient?.birthDate ? " (born " + birthDateText(patient.birthDate) + ")" : ""),
      fact("Sex", h("span", { id: "patient-sex" }, patientSex(patient))),
      fact("Location", h("span", { id: "patient-location" }, patientPlace(patient))),
      fact("Attending", h("span", { id: "patient-attending" }, patientAttending(patient))),
      fact("Status", h("span", { id: "alert-status", class: "status" }, alert.status.toLowerCase()),
        alert.snoozedUntil ? " until " + time(alert.snoozedUntil) : ""),
      fact("Priority", alert.priority.toLowerCase() + " — " + (alert.priorityReasonText || alert.priorityReason)),
      drivenBy ? fact("Driven by", driver + (drivenBy.assessedAt ? ", assessed " + time(drivenBy.assessedAt) : "")
        + (drivenBy.summary ? " — " + (drivenBy.summaryText || drivenBy.summary) : "")) : [],
      fact("Latest grade", term(alert.criterionId) + " · " + (alert.grade ?? "not assessable")
        + " (highest in this episode: " + alert.highestGrade + ")"),
      fact("Summary", alert.summaryText || alert.summary),
      fact("Criterion", alert.criterionId + " (" + alert.family.toLowerCase().replaceAll("_", " ") + ")"),
      fact("Criteria version", alert.catalogueVersion),
      fact("Policy version", alert.policyVersion),
      fact("Reference ranges", alert.referenceRangeSource.toLowerCase().replaceAll("_", " ")),
      fact("Therapy", ...(therapy ? [
        alert.therapyDay ? h("strong", { id: "therapy-day" }, alert.therapyDay) : null,
        alert.therapyDay ? " — " : null,
        therapy.therapy.toLowerCase().replaceAll("_", " ") + ", started " + time(therapy.startedAt)
          + (therapy.dayOfTherapy != null ? ", day " + therapy.dayOfTherapy : "")
          + (therapy.daySinceInfusion != null ? ", day " + therapy.daySinceInfusion + " after infusion" : ""),
      ] : ["none recorded"])),
      fact("Assigned to", alert.assignee || "—"),
      fact("Assessed", time(alert.assessedAt)),
      fact("Raised", time(alert.createdAt)),
      fact("Source message", h("code", {}, alert.sourceMessageId)),
      fact("Assessment", h("code", {}, alert.assessmentEventId)),
    ].flat());
    const caveats = alert.caveats || [];
    const caveatNote = document.getElementById("caveats");
    caveatNote.hidden = caveats.length === 0 && !alert.awaitingConfirmation;
    caveatNote.replaceChildren(
      h("strong", {}, alert.awaitingConfirmation
        ? "Awaiting confirmation: this alert does not page until a result without the caveat confirms it."
        : "Read the grade with care:"),
      caveats.length ? h("ul", {}, ...caveats.map((c) => h("li", { "data-caveat": c }, caveatText(c)))) : "");
    const labOnly = document.getElementById("lab-only");
    labOnly.hidden = !alert.labOnlyNote;
    labOnly.textContent = alert.labOnlyNote ? "Note: " + alert.labOnlyNote + "." : "";
    const proposal = document.getElementById("proposal");
    proposal.hidden = !alert.resolutionProposedAt || alert.status === "RESOLVED";
    proposal.textContent = alert.resolutionProposedAt
      ? "Back to grade 0 since " + time(alert.normalSince) + ": ToxWatch proposes resolving this alert. "
        + "Confirm by resolving it with a reason."
      : "";
    const reason = document.getElementById("resolve-reason");
    if (!proposal.hidden && !reason.value) reason.value = "Confirmed: grade 0 sustained since " + time(alert.normalSince);
    document.getElementById("thresholds").replaceChildren(...alert.thresholds.map((t) => h("tr", {},
      h("td", {}, t.grade), h("td", { "data-condition": t.condition }, t.text || t.condition),
      h("td", {}, t.met ? "yes" : "no"))));
    document.getElementById("evidence").replaceChildren(...alert.evidence.map((e) => h("tr", {},
      h("td", {}, e.name || e.display, " ", h("small", {}, "(" + e.code + ")")),
      h("td", { "data-field": "reading" }, e.reading),
      h("td", {}, e.referenceRangeText),
      h("td", {}, time(e.observedAt)),
      h("td", {}, h("code", {}, e.sourceMessageId)))));
    document.getElementById("audit").replaceChildren(...audit.map((entry) => h("tr", {
        "data-transition": entry.transition,
      },
      h("td", {}, h("time", { datetime: entry.occurredAt }, time(entry.occurredAt))),
      h("td", {}, entry.transition.toLowerCase().replaceAll("_", " ")),
      h("td", { class: "actor" }, entry.actor),
      h("td", {}, entry.reason || "—"),
      h("td", {}, entry.status.toLowerCase()))));
    const resolved = alert.status === "RESOLVED";
    document.getElementById("acknowledge").disabled = resolved || alert.status === "ACKNOWLEDGED";
    document.getElementById("snooze").disabled = resolved || alert.status === "SNOOZED";
    document.getElementById("resolve").disabled = resolved;
  }

  async function load() {
    render(await api("/api/v1/alerts/" + encodeURIComponent(alertId)));
  }

  async function act(action, body, done) {
    try {
      await api("/api/v1/alerts/" + encodeURIComponent(alertId) + "/" + action, { method: "POST", body });
      say(message, done, "ok");
    } catch (error) {
      say(message, error.message, "error");
    }
    await load();
  }

  document.getElementById("acknowledge").addEventListener("click", () => {
    const note = document.getElementById("ack-note").value.trim();
    act("acknowledge", note ? { note } : {}, "Acknowledged.");
  });
  document.getElementById("snooze").addEventListener("click", () => {
    const minutes = Number(document.getElementById("snooze-minutes").value);
    const note = document.getElementById("snooze-note").value.trim() || null;
    act("snooze", { minutes, note }, "Snoozed for " + minutes + " minutes.");
  });
  document.getElementById("resolve").addEventListener("click", () => {
    const field = document.getElementById("resolve-reason");
    if (!field.value.trim()) {
      say(message, "Say why the alert is resolved.", "error");
      field.focus();
      return;
    }
    act("resolve", { reason: field.value.trim() }, "Resolved.");
  });

  if (!alertId) {
    say(message, "No alert named: open one from the queue.", "error");
    return;
  }
  loadSession()
    .then(load)
    .then(() => follow((t) => { if (t.alertId === alertId) load(); }, showLiveState,
      (patientId) => { if (patientId === shownPatientId) load(); }))
    .catch((error) => say(message, error.message, "error"));
})();
