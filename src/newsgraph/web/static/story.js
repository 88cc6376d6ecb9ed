// Story page: clicking a highlighted passage shows the facts that cover it.
"use strict";

(() => {
  const { el, link, show } = workbench;
  const facts = JSON.parse(document.getElementById("facts").textContent);
  const panel = document.getElementById("details");

  const side = (ref) => {
    if (!ref) return "—";
    return ref.actor_key ? link("/actors/", ref.actor_key, ref.name || ref.text) : ref.text;
  };

  const describe = {
    mention: (m) =>
      el("div", { className: "fact fact-actor" },
        el("h3", {}, "Actor"), link("/actors/", m.actor_key, m.name), ` (${m.type}) as “${m.text}”`),
    quote: (q) =>
      el("div", { className: "fact fact-quote" },
        el("h3", {}, "Quote"),
        el("p", {}, "speaker: ",
          q.speaker_key ? link("/actors/", q.speaker_key, q.speaker) : q.speaker_text || "unattributed"),
        q.cue ? el("p", {}, `cue: ${q.cue}`) : null,
        q.addressee ? el("p", {}, `to: ${q.addressee}`) : null,
        q.via ? el("p", {}, `via: ${q.via}`) : null,
        el("blockquote", {}, q.text)),
    event: (e) =>
      el("div", { className: "fact fact-event" },
        el("h3", {}, "Event"),
        el("p", {}, side(e.source), ` → ${e.verb}${e.negated ? " (negated)" : ""} → `, side(e.target)),
        el("p", {}, `CAMEO ${e.cameo} · PLOVER ${e.plover || "—"} · Goldstein ${e.goldstein ?? "—"}`),
        el("p", {}, workbench.QUAD_CLASSES[e.quad_class] || ""),
        link("/events/", e.id, "the sentence")),
    claim: (c) =>
      el("div", { className: "fact fact-claim" },
        el("h3", {}, "Claim"),
        el("p", {}, `${c.holder ? `${c.holder} — ` : ""}${c.subject}: ${c.value}${c.time ? ` (${c.time})` : ""}`)),
  };

  const open = (span) => {
    const parts = span.dataset.refs.split(" ").map((ref) => {
      const [kind, index] = ref.split(":");
      return describe[kind](facts[kind][Number(index)]);
    });
    show(panel, ...parts);
    for (const marked of document.querySelectorAll(".ann.selected")) marked.classList.remove("selected");
    span.classList.add("selected");
  };

  // A quote or claim of the lists: its passage opened and scrolled to, or, when the
  // canonical text does not hold it (another version's), its details alone.
  const openListed = (button) => {
    const ref = button.dataset.ref;
    const spans = [...document.querySelectorAll(".ann[data-refs]")].filter((marked) =>
      marked.dataset.refs.split(" ").includes(ref));
    if (spans.length > 0) {
      open(spans[0]);
      for (const span of spans) span.classList.add("selected"); // the whole passage
      spans[0].scrollIntoView({ block: "center" });
      return;
    }
    const [kind, index] = ref.split(":");
    show(panel, describe[kind](facts[kind][Number(index)]));
  };
  for (const list of document.querySelectorAll("#story-quotes, #story-claims")) {
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button.fact-link[data-ref]");
      if (button) openListed(button);
    });
  }

  const text = document.getElementById("story-text");
  text.addEventListener("click", (event) => {
    const span = event.target.closest(".ann[data-refs]");
    if (span) open(span);
  });
  text.addEventListener("keydown", (event) => {
    const span = event.target.closest(".ann[data-refs]");
    if (span && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(span);
    }
  });
})();
