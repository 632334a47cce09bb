"use strict";
(() => {
  const { api, loadSession, h, headline, time, age, priorityBadge, caveatText, follow, showLiveState, say, term,
    patientName, patientAge, patientSex, patientPlace, patientAttending } = ToxWatch;
  // Besides every alert transition, the queue reloads this often: ages stay current, and a patient's move
  // stored by another instance shows.
  const REFRESH_MS = 60000;
  const SNOOZE_MINUTES = 30;
  const TREND = {
    WORSENING: { arrow: "↑", words: "worsening" },
    UNCHANGED: { arrow: "→", words: "unchanged" },
    IMPROVING: { arrow: "↓", words: "improving" },
  };
  let refreshTimer = null;
  let session = null;
  let queue = [];
  const rows = document.getElementById("queue-rows");
  const statusFilter = document.getElementById("status-filter");
  const wardFilter = document.getElementById("ward-filter");
  const patientFilter = document.getElementById("patient-filter");
  const mineFilter = document.getElementById("mine-filter");
  const announcer = document.getElementById("announcer");
  const fresh = new Set();

  let loads = 0;

  async function load() {
    const query = statusFilter.value === "active" ? "" : "?" + new URLSearchParams({ status: statusFilter.value });
    const issued = ++loads;
    const answer = await api("/api/v1/alerts/queue" + query, { withHeaders: true });
    // A slower answer to an earlier load (before a filter changed) must not replace a newer one.
    if (issued !== loads) return;
    queue = answer.body;
    showTruncation(answer.headers.get("X-ToxWatch-Queue-Truncated"));
    offerWards();
    render();
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(reload, REFRESH_MS);
  }

  /** A queue that could not hold every alert says so: a shorter list must never look whole. */
  function showTruncation(statuses) {
    const notice = document.getElementById("truncated");
    notice.hidden = !statuses;
    notice.textContent = statuses
      ? "Not every alert is shown: only the 500 most urgent of each status fit, and there are more ("
        + statuses.toLowerCase().replaceAll(",", ", ") + "). Tell the ToxWatch operators."
      : "";
  }

  function reload() {
    return load().catch((error) => say(announcer, error.message, "error"));
  }

  /** The wards of the patients in the queue; the chosen one stays offered while nobody is left on it. */
  function offerWards() {
    const chosen = wardFilter.value;
    const wards = new Set(queue.map((row) => row.patient?.location?.ward).filter(Boolean));
    if (chosen) wards.add(chosen);
    wardFilter.replaceChildren(h("option", { value: "" }, "All wards"),
      ...[...wards].sort().map((ward) => h("option", { value: ward }, ward)));
    wardFilter.value = chosen;
  }

  // "My patients": a patient with at least one alert assigned to the signed-in clinician (the assign action, or an
  // escalation that named them). ToxWatch records no care team, so this is the one link to a clinician it has.
  function shown(row) {
    if (wardFilter.value && row.patient?.location?.ward !== wardFilter.value) return false;
    if (mineFilter.checked && !row.alerts.some((alert) => alert.assignee && alert.assignee === session?.user)) {
      return false;
    }
    const wanted = patientFilter.value.trim().toLowerCase();
    return !wanted || row.patientId.toLowerCase().includes(wanted)
      || patientName(row.patient).toLowerCase().includes(wanted);
  }

  /** The row reads as its most pressing alert: open if any is, then snoozed, then acknowledged. */
  function rowState(row) {
    for (const status of ["OPEN", "SNOOZED", "ACKNOWLEDGED", "RESOLVED"]) {
      if (row.alerts.some((alert) => alert.status === status)) return status;
    }
    return row.alerts[0].status;
  }

  function render() {
    const now = Date.now();
    const focused = document.activeElement?.closest?.("[data-alert-id]")?.dataset.alertId;
    const visible = queue.filter(shown);
    rows.replaceChildren(...visible.map((row) => patientRow(row, now)));
    document.getElementById("empty").hidden = visible.length > 0;
    fresh.clear();
    // Acting re-renders the queue: keep the keyboard where it was, on that alert's link.
    if (focused) rows.querySelector("li[data-alert-id='" + CSS.escape(focused) + "'] a")?.focus();
  }

  function patientRow(row, now) {
    const state = rowState(row);
    const lead = row.alerts[0];
    // Explicit roles: on a tablet the rows are laid out as cards (CSS grid), which must not cost the table its meaning.
    return h("tr", {
        role: "row",
        "data-patient-id": row.patientId,
        "data-alert-id": lead.alertId,
        "data-state": state,
        class: ["state-" + state.toLowerCase(), row.alerts.some((a) => fresh.has(a.alertId)) ? "fresh" : null]
          .filter(Boolean).join(" "),
      },
      h("td", { class: "priority-cell", role: "cell" }, priorityBadge(lead.priority, state !== "OPEN"), " ",
        h("span", { class: "state", "data-field": "state" }, stateText(state, row))),
      patientCell(row, lead.therapyDay),
      h("td", { class: "alerts", role: "cell" },
        h("ul", { class: "row-alerts" }, ...row.alerts.map((alert) => alertItem(alert, now, row.alerts.length > 1)))));
  }

  function stateText(state, row) {
    if (state === "SNOOZED") {
      const until = row.alerts.filter((a) => a.status === "SNOOZED").map((a) => a.snoozedUntil).sort()[0];
      return "‖ Snoozed" + (until ? " until " + clock(until) : "");
    }
    return { OPEN: "● Open", ACKNOWLEDGED: "✓ Acknowledged", RESOLVED: "Resolved" }[state] || state.toLowerCase();
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }

  function patientCell(row, therapyDay) {
    const patient = row.patient;
    // Lines on a desktop; on a tablet who, where and therapy share one line (console.css).
    return h("td", { class: "patient", role: "cell" },
      h("span", { class: "line who" }, h("strong", { "data-field": "name" }, patientName(patient)), " ",
        h("small", {}, h("span", { "data-field": "age" }, patientAge(patient?.birthDate)), " · ",
          h("span", { "data-field": "sex" }, patientSex(patient)))), " ",
      h("span", { class: "line place", "data-field": "location" }, patientPlace(patient)), " ",
      therapyDay ? [h("span", { class: "line therapy", "data-field": "therapy" }, therapyDay), " "] : null,
      h("small", { class: "line ids" }, "Attending: ", h("span", { "data-field": "attending" }, patientAttending(patient)),
        " · ", h("a", { href: "/console/patient.html?id=" + encodeURIComponent(row.patientId), "data-field": "patient-id" },
          row.patientId)));
  }

  // What drove the priority first, then the grade now; a HIGH row must not read as a grade 1.
  function alertItem(alert, now, several) {
    const { driver, current } = headline(alert);
    const trend = TREND[alert.trend];
    const onset = alert.onsetAt || alert.assessedAt;
    return h("li", { "data-alert-id": alert.alertId, "data-status": alert.status,
        class: "status-" + alert.status.toLowerCase() },
      h("div", { class: "alert-info" },
      several ? [priorityBadge(alert.priority, alert.status !== "OPEN"), " "] : null,
      h("a", { href: "/console/alert.html?id=" + encodeURIComponent(alert.alertId), "data-field": "driver" }, driver),
      trend ? [" ", h("span", { class: "trend trend-" + alert.trend.toLowerCase(), "data-field": "trend",
        title: "Latest grade " + trend.words, "aria-label": "latest grade " + trend.words }, trend.arrow)] : null,
      current ? [" ", h("small", { "data-field": "current" }, current)] : null,
      alert.status !== "OPEN" ? [" ", h("span", { class: "tag", "data-field": "status" }, statusWords(alert))] : null,
      alert.assignee ? [" ", h("small", { "data-field": "assignee" }, "assigned to " + alert.assignee)] : null,
      h("br"),
      h("small", { class: "times" },
        "onset ", h("time", { datetime: onset, title: time(onset), "data-field": "onset" }, age(onset, now)), " ago · ",
        "alert ", h("time", { datetime: alert.createdAt, title: time(alert.createdAt), "data-field": "raised" },
          age(alert.createdAt, now)), " ago"),
      alert.awaitingConfirmation ? [h("br"), h("small", { class: "caveat" }, "awaiting confirmation")] : null,
      ...(alert.caveats || []).flatMap((c) => [h("br"), h("small", { class: "caveat" }, caveatText(c))]),
      alert.resolutionProposedAt && alert.status !== "RESOLVED"
        ? [h("br"), h("small", {}, "resolution proposed")] : null),
      actions(alert, driver));
  }

  function statusWords(alert) {
    if (alert.status === "SNOOZED") return "snoozed" + (alert.snoozedUntil ? " until " + clock(alert.snoozedUntil) : "");
    return alert.status.toLowerCase();
  }

  // Only clinicians act on alerts (the API refuses anyone else); the buttons say which alert they act on.
  function actions(alert, driver) {
    if (!session?.roles?.includes("ROLE_CLINICIAN") || alert.status === "RESOLVED") return null;
    const buttons = [];
    if (alert.status === "OPEN" || alert.status === "SNOOZED") {
      buttons.push(h("button", { type: "button", "data-action": "acknowledge",
        "aria-label": "Acknowledge: " + driver, onclick: () => act(alert, "acknowledge", {}, "Acknowledged") },
        "Acknowledge"));
    }
    if (alert.status === "OPEN" || alert.status === "ACKNOWLEDGED") {
      buttons.push(h("button", { type: "button", class: "secondary", "data-action": "snooze",
        "aria-label": "Snooze " + SNOOZE_MINUTES + " min: " + driver,
        onclick: () => act(alert, "snooze", { minutes: SNOOZE_MINUTES }, "Snoozed for " + SNOOZE_MINUTES + " min") },
        "Snooze " + SNOOZE_MINUTES + " min"));
    }
    return buttons.length ? h("div", { class: "row-actions" }, ...buttons) : null;
  }

  async function act(alert, action, body, done) {
    const { driver } = headline(alert);
    try {
      await api("/api/v1/alerts/" + encodeURIComponent(alert.alertId) + "/" + action, { method: "POST", body });
      say(announcer, done + ": " + driver + " (" + patientName(alert.patient) + ")", "ok");
    } catch (error) {
      say(announcer, error.message, "error");
    }
    await reload();
  }

  // New HIGH alerts: a desktop notification (when this browser allowed it and the clinician turned it on) and a
  // chime (off until turned on). Neither says whose alert it is: both show beyond the console, on a lock screen too.
  const notifyToggle = document.getElementById("notify-toggle");
  const soundToggle = document.getElementById("sound-toggle");
  const PREFERENCE = { notify: "toxwatch.console.notify", sound: "toxwatch.console.sound" };
  let audio = null;

  function notificationsOn() {
    return "Notification" in window && window.Notification.permission === "granted"
      && localStorage.getItem(PREFERENCE.notify) === "on";
  }

  function showNotificationState() {
    if (!("Notification" in window)) {
      notifyToggle.disabled = true;
      notifyToggle.textContent = "Desktop notifications: not available in this browser";
      return;
    }
    const on = notificationsOn();
    const blocked = window.Notification.permission === "denied";
    notifyToggle.setAttribute("aria-pressed", String(on));
    notifyToggle.textContent = "Desktop notifications: " + (on ? "on" : blocked ? "blocked by the browser" : "off");
  }

  notifyToggle.addEventListener("click", async () => {
    if (notificationsOn()) {
      localStorage.setItem(PREFERENCE.notify, "off");
    } else {
      const permission = await window.Notification.requestPermission();
      localStorage.setItem(PREFERENCE.notify, permission === "granted" ? "on" : "off");
    }
    showNotificationState();
  });

  soundToggle.checked = localStorage.getItem(PREFERENCE.sound) === "on";
  soundToggle.addEventListener("change", () => {
    localStorage.setItem(PREFERENCE.sound, soundToggle.checked ? "on" : "off");
    // Browsers let a page make sound only after a gesture: this change is one.
    if (soundToggle.checked) chime();
  });

  function chime() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    audio.resume?.();
    [880, 660].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.2;
      tone.connect(gain).connect(audio.destination);
      const start = audio.currentTime + i * 0.25;
      tone.start(start);
      tone.stop(start + 0.2);
    });
  }

  function announceHigh(transition) {
    const what = term(transition.criterion.toLowerCase()) + " · grade " + (transition.grade ?? "—");
    if (soundToggle.checked) chime();
    if (notificationsOn()) {
      const note = new window.Notification("New high-priority alert", {
        body: what + " — open the ToxWatch queue", tag: transition.alertId, requireInteraction: true,
      });
      note.onclick = () => {
        window.focus();
        window.location.assign("/console/alert.html?id=" + encodeURIComponent(transition.alertId));
      };
    }
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
    if (transition.priority === "HIGH" && ["RAISED", "ESCALATED_GRADE"].includes(transition.transition)) {
      announceHigh(transition);
    }
    reload();
  }

  statusFilter.addEventListener("change", () => reload());
  wardFilter.addEventListener("change", render);
  mineFilter.addEventListener("change", render);
  patientFilter.addEventListener("change", render);
  patientFilter.addEventListener("input", render);
  document.getElementById("refresh").addEventListener("click", () => reload());
  showNotificationState();

  loadSession().then(async (s) => {
    session = s;
    const logout = document.getElementById("logout");
    logout.append(h("input", { type: "hidden", name: s.csrfParameter || "_csrf", value: s.csrfToken }));
    await load();
    follow(changed, (state) => {
      showLiveState(state);
      if (state === "live") reload();
    }, (patientId) => {
      if (queue.some((row) => row.patientId === patientId)) reload();
    });
  }).catch((error) => say(announcer, error.message, "error"));
})();
