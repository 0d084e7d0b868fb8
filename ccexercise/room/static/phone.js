// The phone page of the live room. Text from the server is only ever set with
// textContent (never innerHTML). Follows the room by long-polling api/now (relative).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const joinForm = $("join"), codeInput = $("code"), waiting = $("waiting");
  const list = $("questions"), status = $("status"), heading = $("heading");
  const privacy = $("privacy");
  const cards = new Map();  // question id -> {kind, root, update(q)}
  let version = null, polling = false;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key in node && key !== "list") node[key] = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.appendChild(child);
    return node;
  }

  function say(message) { status.textContent = message; }

  async function call(method, path, body) {
    const options = {method, credentials: "same-origin", headers: {}};
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return {status: response.status, data};
  }

  function shown(value) {
    return Array.isArray(value) ? value.join(", ") : String(value);
  }

  // The status line repeats an answer briefly (the card above shows all of it).
  function brief(value) {
    const text = shown(value);
    return text.length > 40 ? text.slice(0, 39) + "…" : text;
  }

  // -- joining ----------------------------------------------------------------------
  function showJoin(message) {
    joinForm.hidden = false;
    waiting.hidden = true;
    list.replaceChildren();
    cards.clear();
    if (message) say(message);
  }

  async function join(code) {
    const reply = await call("POST", "api/join", {code: code});
    if (reply.status === 200) {
      joinForm.hidden = true;
      say("You are in the room.");
      version = null;
      follow();
    } else {
      showJoin(reply.data.error || "Could not join; try again.");
      codeInput.focus();
    }
  }

  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    join(codeInput.value.trim());
  });

  // -- answering --------------------------------------------------------------------
  async function send(q, value, card) {
    const reply = await call("POST", "api/answer", {question: q.id, value: value});
    if (reply.status === 200) {
      card.saved(reply.data.value);
      const what = q.kind === "statements" ? "all " + reply.data.value.length + " statements"
        : brief(reply.data.value);
      say("Saved: " + what + " — you can change it");
    } else if (reply.status === 401) {
      showJoin(reply.data.error);
    } else {
      card.failed(reply.data.error || "Not saved; try again.");
      say("Not saved: " + (reply.data.error || "try again"));
    }
  }

  function feedback(root) {
    const saved = el("p", {className: "saved", hidden: true});
    const error = el("p", {className: "error", hidden: true});
    root.append(saved, error);
    return {
      saved(value) {
        error.hidden = true;
        if (value === null || value === undefined) { saved.hidden = true; return; }
        saved.textContent = "Saved: " + shown(value) + " — you can change it";
        saved.hidden = false;
      },
      failed(message) {
        error.textContent = message;
        error.hidden = false;
      },
    };
  }

  function scaleCard(q, root) {
    const fieldset = el("fieldset", {}, [el("legend", {text: q.text})]);
    const row = el("div", {className: "scale"});
    const buttons = new Map();
    const state = {};
    for (let score = q.low; score <= q.high; score++) {
      const button = el("button", {type: "button", text: String(score),
                                   "aria-pressed": "false"});
      button.addEventListener("click", () => send(q, score, state.card));
      buttons.set(score, button);
      row.appendChild(button);
    }
    fieldset.appendChild(row);
    if (q.kind === "nps") {  // the scale's ends, read out with the question too
      const endsId = "q-" + q.id + "-ends";
      fieldset.appendChild(el("div", {className: "ends", id: endsId}, [
        el("span", {text: "0 = not at all likely"}), el("span", {text: "10 = extremely likely"})]));
      fieldset.setAttribute("aria-describedby", endsId);
    }
    root.appendChild(fieldset);
    const fb = feedback(root);
    state.card = {
      saved(value) {
        for (const [score, button] of buttons) {
          const chosen = score === value;
          button.setAttribute("aria-pressed", chosen ? "true" : "false");
          button.textContent = (chosen ? "✓ " : "") + String(score);
        }
        fb.saved(value);
      },
      failed: fb.failed,
      update(fresh) { this.saved(fresh.mine); },
    };
    return state.card;
  }

  function optionsCard(q, root) {
    const many = q.kind === "choices";
    const fieldset = el("fieldset", {}, [el("legend", {text: q.text})]);
    const inputs = [];
    q.options.forEach((option, n) => {
      const input = el("input", {type: many ? "checkbox" : "radio", name: "q-" + q.id,
                                 id: "q-" + q.id + "-" + n, value: option});
      inputs.push(input);
      fieldset.appendChild(el("label", {className: "option", htmlFor: input.id},
                              [input, el("span", {text: option})]));
    });
    const button = el("button", {type: "button", text: "Send"});
    fieldset.appendChild(button);
    root.appendChild(fieldset);
    const fb = feedback(root);
    const card = {
      saved(value) {
        const chosen = value === null || value === undefined ? [] :
          (Array.isArray(value) ? value : [value]);
        for (const input of inputs) input.checked = chosen.includes(input.value);
        fb.saved(value);
      },
      failed: fb.failed,
      update(fresh) { this.saved(fresh.mine); },
    };
    button.addEventListener("click", () => {
      const picked = inputs.filter((input) => input.checked).map((input) => input.value);
      if (!picked.length) { card.failed("Choose an option first."); return; }
      send(q, many ? picked : picked[0], card);
    });
    return card;
  }

  function textCard(q, root) {
    const inputId = "q-" + q.id + "-text", countId = inputId + "-count";
    const input = el(q.kind === "words" ? "input" : "textarea",
                     {id: inputId, maxLength: q.max_length, autocomplete: "off",
                      "aria-describedby": countId});
    if (q.kind === "words") input.type = "text";
    const count = el("p", {className: "count", id: countId});
    const button = el("button", {type: "button", text: "Send"});
    const counter = () => {
      count.textContent = input.value.length + " of " + q.max_length + " characters";
    };
    input.addEventListener("input", counter);
    counter();
    root.append(el("label", {htmlFor: inputId, text: q.text}), input, count, button);
    const fb = feedback(root);
    const ideas = q.kind === "ideas" ? el("ul", {className: "ideas",
                                                 "aria-label": "The room's ideas"}) : null;
    if (ideas) root.appendChild(ideas);
    const card = {
      saved: fb.saved,
      failed: fb.failed,
      update(fresh) {
        fb.saved(fresh.mine);
        if (ideas) drawIdeas(ideas, q, fresh.ideas || []);
      },
    };
    button.addEventListener("click", () => {
      if (!input.value.trim()) { card.failed("Write your answer first."); return; }
      send(q, input.value, card);
    });
    return card;
  }

  function drawIdeas(ul, q, ideas) {
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.idea : undefined;
    ul.replaceChildren();
    for (const idea of ideas) {
      const votes = idea.votes + (idea.votes === 1 ? " vote" : " votes");
      const item = el("li", {}, [el("span", {text: idea.text})]);
      if (idea.mine) {
        item.appendChild(el("span", {className: "count", text: "Your idea · " + votes}));
      } else {
        const button = el("button", {type: "button", className: "secondary",
                                     "aria-pressed": idea.mine_voted ? "true" : "false",
                                     text: (idea.mine_voted ? "✓ Voted" : "Vote") + " · " + votes,
                                     "aria-label": "Vote for: " + idea.text + " (" + votes + ")"});
        button.dataset.idea = String(idea.id);
        button.addEventListener("click", async () => {
          const reply = await call("POST", "api/upvote", {question: q.id, idea: idea.id});
          if (reply.status === 200) say(reply.data.voted ? "Vote saved." : "Vote taken back.");
          else if (reply.status === 401) showJoin(reply.data.error);
          else say("Not saved: " + (reply.data.error || "try again"));
        });
        item.appendChild(button);
        if (focused === String(idea.id)) setTimeout(() => button.focus(), 0);
      }
      ul.appendChild(item);
    }
  }

  // A form: one rating per statement, all sent together with one button.
  function statementsCard(q, root) {
    const fieldset = el("fieldset", {}, [el("legend", {text: q.text})]);
    const selects = [];
    q.options.forEach((statement, n) => {
      const id = "q-" + q.id + "-" + n;
      const select = el("select", {id: id, className: "rating"});
      select.appendChild(el("option", {value: "", text: "choose"}));
      for (let score = q.low; score <= q.high; score++) {
        select.appendChild(el("option", {value: String(score), text: String(score)}));
      }
      selects.push(select);
      fieldset.appendChild(el("div", {className: "statement"}, [
        el("label", {htmlFor: id, text: (n + 1) + ". " + statement}), select]));
    });
    const button = el("button", {type: "button", text: "Send my answers"});
    fieldset.appendChild(button);
    root.appendChild(fieldset);
    const fb = feedback(root);
    const card = {
      saved(value) {
        if (Array.isArray(value)) {
          value.forEach((score, n) => { if (selects[n]) selects[n].value = String(score); });
          fb.saved("all " + value.length + " statements");
        } else {
          fb.saved(null);
        }
      },
      failed: fb.failed,
      update(fresh) { this.saved(fresh.mine); },
    };
    button.addEventListener("click", () => {
      const open = selects.map((s, n) => (s.value ? 0 : n + 1)).filter((n) => n);
      if (open.length) {
        card.failed("Answer every statement first; still open: " + open.join(", "));
        selects[open[0] - 1].focus();
        return;
      }
      send(q, selects.map((s) => Number(s.value)), card);
    });
    return card;
  }

  function makeCard(q) {
    const root = el("section", {className: "question"});
    if (q.anonymous) {
      root.appendChild(el("p", {className: "anonymous",
        text: "Anonymous: no name is asked, and the trainer's export does not keep your phone."}));
    }
    const card = q.kind === "rating" || q.kind === "nps" ? scaleCard(q, root)
      : q.kind === "choice" || q.kind === "choices" ? optionsCard(q, root)
      : q.kind === "statements" ? statementsCard(q, root)
      : textCard(q, root);
    card.root = root;
    card.kind = q.kind;
    return card;
  }

  function draw(now) {
    heading.textContent = now.step_title || "Room poll";
    waiting.hidden = !now.waiting;
    // An anonymous form says so on its own card; "not a secret ballot" would contradict it.
    privacy.hidden = now.questions.length > 0 && now.questions.every((q) => q.anonymous);
    const ids = new Set(now.questions.map((q) => q.id));
    for (const [id, card] of cards) {
      if (!ids.has(id)) { card.root.remove(); cards.delete(id); }
    }
    now.questions.forEach((q, n) => {
      let card = cards.get(q.id);
      if (!card || card.kind !== q.kind) {
        if (card) card.root.remove();
        card = makeCard(q);
        cards.set(q.id, card);
      }
      // Keep the step's order, moving a card only when it is out of place: a moved
      // card loses focus, and a phone's keyboard would close mid-word on every update.
      if (list.children[n] !== card.root) list.insertBefore(card.root, list.children[n] || null);
      card.update(q);
    });
  }

  // -- following the room -----------------------------------------------------------
  async function follow() {
    if (polling) return;
    polling = true;
    let pause = 1000;
    try {
      for (;;) {
        let reply;
        try {
          reply = await call("GET", "api/now" + (version === null ? "" : "?since=" + version));
        } catch (e) {
          say("Connection lost; trying again…");
          await new Promise((done) => setTimeout(done, pause));
          pause = Math.min(pause * 2, 10000);
          continue;
        }
        pause = 1000;
        if (reply.status === 401) { showJoin(); return; }
        if (reply.status !== 200) {
          await new Promise((done) => setTimeout(done, 2000));
          continue;
        }
        if (status.textContent.startsWith("Connection lost")) say("Connected again.");
        if (reply.data.version !== version) draw(reply.data);
        version = reply.data.version;
      }
    } finally {
      polling = false;
    }
  }

  const given = new URLSearchParams(window.location.search).get("code");
  if (given) {
    codeInput.value = given;
    history.replaceState(null, "", window.location.pathname);
    join(given);
  } else {
    follow();  // already joined? /api/now says so, else the join form shows
  }
})();
