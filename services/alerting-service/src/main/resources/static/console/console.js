// Shared by the console pages: API calls (with the CSRF token the platform asks browser POSTs to carry),
// safe element building (text only, never HTML from data), formatting and the live alert stream.
"use strict";

const ToxWatch = (() => {
  let session = null;

  async function loadSession() {
    if (!session) {
      session = await api("/api/v1/console/session");
      const who = document.getElementById("who");
      if (who) who.textContent = session.user;
    }
    return session;
  }

  async function api(path, options = {}) {
    const headers = { Accept: "application/json" };
    const init = { method: options.method || "GET", headers, credentials: "same-origin" };
    if (options.body !== undefined) {
      const s = await loadSession();
      headers["Content-Type"] = "application/json";
      headers[s.csrfHeader] = s.csrfToken;
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    if (response.status === 401 || (response.redirected && new URL(response.url).pathname === "/login")) {
      window.location.assign("/login");
      throw new Error("signed out");
    }
    const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || "Request failed: " + response.status);
      error.status = response.status;
      throw error;
    }
    return options.withHeaders ? { body, headers: response.headers } : body;
  }

  /** Builds an element; children are nodes or strings (always inserted as text). */
  function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) element.addEventListener(name.substring(2), value);
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** Terms whose identifier does not read as a clinician names them; the others read as they are ("Anemia"). */
  const CLINICAL_TERMS = {
    icans: "ICANS",
    icaht_early: "Early ICAHT",
    icaht_late: "Late ICAHT",
    potential_hys_law: "Potential Hy's law",
    vod_sos: "VOD/SOS",
    ggt_increased: "GGT increased",
    pre_dose_decision: "BESPONSA pre-dose decision",
    dose_action: "BLINCYTO dose action",
    hypocalcemia_corrected: "Hypocalcemia (corrected calcium)",
    hypocalcemia_ionized: "Hypocalcemia (ionized calcium)",
    // criterion enum names (alert events) and therapies
    hys_law: "Potential Hy's law",
    besponsa_pre_dose: "BESPONSA pre-dose decision",
    blincyto_action: "BLINCYTO dose action",
    car_t: "CAR-T",
  };

  function term(criterionIdOrTerm) {
    const term = String(criterionIdOrTerm).split("/").pop();
    return CLINICAL_TERMS[term] ?? term.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
  }

  /**
   * An alert's headline: first the assessment that drove its priority ("Neutrophil count decreased · grade 4"),
   * then, where they differ, that criterion's grade now ("now 1") and the latest assessment of another criterion.
   */
  function headline(alert) {
    const driver = alert.drivenBy || { criterionId: alert.criterionId, grade: alert.grade, currentGrade: alert.grade };
    const notes = [];
    if (driver.currentGrade != null && driver.currentGrade !== driver.grade) notes.push("now " + driver.currentGrade);
    if (driver.criterionId !== alert.criterionId) {
      notes.push("latest: " + term(alert.criterionId) + " · grade " + (alert.grade ?? "—"));
    }
    return {
      driver: term(driver.criterionId) + " · grade " + (driver.grade ?? "—"),
      current: notes.length ? "(" + notes.join("; ") + ")" : "",
    };
  }

  // UCUM units as written on a ward, by the rules of the server's ClinicalWording (one wording for the console):
  // 10*9/L → 10⁹/L, Cel → °C, mm[Hg] → mmHg, umol/L → µmol/L; annotations ({cells}) dropped.
  const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

  function unit(ucum) {
    if (!ucum || !String(ucum).trim()) return "";
    return String(ucum).replaceAll("mm[Hg]", "mmHg").replaceAll("[degF]", "°F").replace(/\bCel\b/g, "°C")
      .replace(/\{[^}]*}/g, "")
      .replace(/(?<![A-Za-z])u(?=(?:mol|g|L|IU)\b)/g, "µ")
      .replace(/10\*(-?\d+)/g, (_, power) => "10" + [...power].map((c) => SUPERSCRIPT[c]).join(""));
  }

  /** A value with its unit: "0.4 × 10⁹/L", "38.6 °C", "8 L/min"; "—" without a value. */
  function quantity(value, ucum) {
    if (value === null || value === undefined || value === "") return "—";
    const written = unit(ucum);
    if (!written) return String(value);
    return value + (written.startsWith("10") ? " × " : " ") + written;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—";
  }

  function age(iso, now = Date.now()) {
    const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60000));
    if (minutes < 60) return minutes + " min";
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + " h " + (minutes % 60) + " min";
    return Math.floor(hours / 24) + " d";
  }

  // Who the patient is, from the patient records (null until one arrived). Every piece may be missing: a missing
  // one reads "—" and never stops the rest from showing. Names are the sender's free text: only ever text nodes.
  const UNKNOWN = "—";

  function patientName(patient) {
    const family = patient?.familyName, given = patient?.givenName;
    if (family && given) return family + ", " + given;
    return family || given || UNKNOWN;
  }

  /**
   * The age today (on this device's calendar) from an ISO birth date: days under a month, months under two
   * years, years after; "—" without a usable birth date (missing, malformed or in the future).
   */
  function patientAge(birthDate, today = new Date()) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof birthDate === "string" ? birthDate : "");
    if (!parts) return UNKNOWN;
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const born = Date.UTC(year, month - 1, day);
    const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    if (Number.isNaN(born) || born > now) return UNKNOWN;
    const months = (today.getFullYear() - year) * 12 + (today.getMonth() + 1 - month) - (today.getDate() < day ? 1 : 0);
    if (months >= 24) return Math.floor(months / 12) + " y";
    if (months >= 1) return months + " mo";
    return Math.round((now - born) / 86400000) + " d";
  }

  function birthDateText(birthDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate || "")) return UNKNOWN;
    const date = new Date(birthDate + "T00:00:00Z");
    return Number.isNaN(date.getTime()) ? UNKNOWN
      : date.toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" });
  }

  function patientSex(patient) {
    return patient?.sex ? String(patient.sex).toLowerCase() : UNKNOWN;
  }

  function patientPlace(patient) {
    if (patient?.discharged) return "discharged";
    const location = patient?.location;
    if (!location) return UNKNOWN;
    const parts = [location.ward, location.room ? "room " + location.room : null, location.bed ? "bed " + location.bed : null]
      .filter(Boolean);
    return parts.length ? parts.join(" · ") : location.facility || UNKNOWN;
  }

  function patientAttending(patient) {
    return patient?.attending || UNKNOWN;
  }

  /** A priority; {@code handled} (acknowledged or snoozed) draws it outlined, so it no longer reads as a call. */
  function priorityBadge(priority, handled = false) {
    return h("span", { class: "priority priority-" + priority + (handled ? " handled" : "") },
      priority.charAt(0) + priority.slice(1).toLowerCase());
  }

  /** What each assessment caveat means for reading the grade, in the clinician's words. */
  const CAVEATS = {
    CENSORED_RESULT: "censored result: the grade is the least the reported bound certainly reaches",
    HEMOLYZED_SPECIMEN: "hemolyzed specimen: the value may be an artefact of the tube",
    SPECIMEN_CONDITION: "specimen condition reported: the value may be an artefact",
    DAY_PRECISION_TIME: "collection time known only to the day",
    SOURCE_RESULT_CORRECTED: "source result corrected by the laboratory",
    SOURCE_RESULT_CANCELLED: "source result cancelled by the laboratory",
  };

  function caveatText(caveat) {
    return CAVEATS[caveat] || caveat.toLowerCase().replaceAll("_", " ");
  }

  function range(referenceRange) {
    if (!referenceRange) return "—";
    const low = referenceRange.low ?? "";
    const high = referenceRange.high ?? "";
    if (low !== "" && high !== "") return low + "–" + high;
    return high !== "" ? "≤ " + high : "≥ " + low;
  }

  const TRANSITIONS = ["RAISED", "ESCALATED_GRADE", "UPDATED", "ESCALATED_TIER", "ACKNOWLEDGED", "SNOOZED",
    "ASSIGNED", "RESOLVED"];

  /**
   * Follows the live alert stream. The browser reconnects by itself; onChange gets each transition,
   * onState "live" | "connecting" | "offline" so the page can say whether it is current.
   */
  function follow(onChange, onState, onPatient) {
    const source = new EventSource("/api/v1/alerts/stream");
    source.onopen = () => onState("live");
    source.onerror = () => onState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    for (const name of TRANSITIONS) {
      source.addEventListener(name, (event) => onChange(JSON.parse(event.data)));
    }
    // What is known about a patient changed (a transfer, a corrected name): only the id comes; pages re-read.
    if (onPatient) source.addEventListener("PATIENT", (event) => onPatient(JSON.parse(event.data).patientId));
    return source;
  }

  // The badge says "Live" only when the stream is connected AND grading is current: the server asks the broker
  // how the graders keep up (GET /api/v1/grading/status). Otherwise a red banner says since when alerts may be
  // missing. Checked every 15 s (5 s while not live) and whenever the stream (re)connects.
  let connection = "connecting";
  let grading = null;
  let gradingTimer = null;

  function showLiveState(state) {
    connection = state;
    showFreshness();
    if (state === "live") checkGrading();
  }

  async function checkGrading() {
    clearTimeout(gradingTimer);
    try {
      grading = await api("/api/v1/grading/status");
    } catch (error) {
      if (error.message === "signed out") return;
      grading = { status: "UNKNOWN", since: null };
    }
    showFreshness();
    gradingTimer = setTimeout(checkGrading, grading.status === "LIVE" ? 15000 : 5000);
  }

  function showFreshness() {
    const stale = grading !== null && grading.status !== "LIVE";
    const badge = document.getElementById("live");
    if (badge) {
      badge.dataset.state = stale ? "stale" : connection;
      badge.textContent = stale ? "Not live"
        : connection === "live" ? "Live" : connection === "connecting" ? "Reconnecting…" : "Offline";
    }
    const banner = gradingBanner();
    if (!banner) return;
    banner.hidden = !stale;
    banner.dataset.status = grading ? grading.status : "";
    banner.textContent = stale ? gradingWarning(grading) : "";
  }

  function gradingWarning(status) {
    const what = { DELAYED: "Grading delayed", STOPPED: "Grading stopped" }[status.status] || "Grading status unknown";
    return what + (status.since ? " since " + clock(status.since) : "") + " — alerts may be missing";
  }

  function gradingBanner() {
    let banner = document.getElementById("grading-banner");
    const header = document.querySelector("header.bar");
    if (!banner && header) {
      banner = h("p", { id: "grading-banner", class: "stale-banner", role: "alert", hidden: true });
      header.after(banner);
    }
    return banner;
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }

  function say(element, text, kind) {
    element.textContent = text;
    element.className = "message" + (kind ? " " + kind : "");
  }

  if (document.querySelector("header.bar")) checkGrading();

  return {
    api, loadSession, h, term, headline, unit, quantity, time, age, priorityBadge, caveatText, range, follow, showLiveState, checkGrading, say,
    patientName, patientAge, birthDateText, patientSex, patientPlace, patientAttending,
  };
})();
