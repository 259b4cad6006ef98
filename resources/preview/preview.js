// The preview page's side of the bridge, injected into the theme's post page.
//
// quire.update(shellTitle, title, html, generation): the post's content goes into the element the page was
// made with (#quire-content), patching it: a block whose markup did not change (source lines
// aside) keeps its DOM node, so KaTeX output, images and the scroll position stay put; only
// changed blocks are replaced. The title the page was made with is replaced where the theme
// shows it. Content arrives as HTML from Quire's own renderer; its scripts never run (template
// parsing, and the page's content policy).
//
// quire.reveal(line): scrolls the block of that source line into view (the editor's cursor).
// A click in the content reports its block's source line on the console as "quire:line:N", and
// each update, once painted, "quire:painted:GENERATION".
"use strict";
window.quire = {
  titleElement(shellTitle) {
    let element = document.getElementById("quire-title");
    if (element)
      return element;
    const headings = Array.from(document.querySelectorAll("h1"));
    element = headings.find((h) => h.textContent.trim() === shellTitle.trim()) || headings[0] || null;
    if (element)
      element.id = "quire-title";
    return element;
  },

  // A block's markup without its source lines: what decides whether its node can stay.
  key(node) {
    return node.nodeType === Node.ELEMENT_NODE
      ? node.outerHTML.replace(/ data-line="\d+"/g, "")
      : node.nodeType + ":" + node.textContent;
  },

  // Copies the source lines of `from` (the new block) onto `to` (the kept one, same markup).
  copyLines(from, to) {
    if (from.nodeType !== Node.ELEMENT_NODE)
      return;
    const source = [from, ...from.querySelectorAll("[data-line]")];
    const target = [to, ...to.querySelectorAll("[data-line]")];
    source.forEach((element, i) => {
      if (target[i] && element.hasAttribute("data-line"))
        target[i].setAttribute("data-line", element.getAttribute("data-line"));
    });
  },

  patch(content, html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const kept = new Map();   // key -> old nodes with that markup, in order
    for (const node of Array.from(content.childNodes)) {
      const key = this.key(node);
      if (!kept.has(key))
        kept.set(key, []);
      kept.get(key).push(node);
    }
    const nodes = Array.from(template.content.childNodes).map((node) => {
      const same = kept.get(this.key(node));
      if (!same || same.length === 0)
        return node;
      const old = same.shift();
      this.copyLines(node, old);
      return old;
    });
    // Leave the DOM alone where nothing moved; otherwise put the nodes in order.
    const current = Array.from(content.childNodes);
    if (current.length !== nodes.length || nodes.some((node, i) => node !== current[i]))
      content.replaceChildren(...nodes);
  },

  update(shellTitle, title, html, generation) {
    const heading = this.titleElement(shellTitle);
    if (heading && heading.textContent !== title)
      heading.textContent = title;
    const content = document.getElementById("quire-content");
    if (content)
      this.patch(content, html);
    // After the next frame is painted with it: how long typing takes to show (benchmarks).
    requestAnimationFrame(() => console.log("quire:painted:" + generation));
    if (!this.listening && content) {
      this.listening = true;
      content.addEventListener("click", (event) => {
        const block = event.target.closest("[data-line]");
        if (block && !event.target.closest("a"))
          console.log("quire:line:" + block.getAttribute("data-line"));
      });
    }
  },

  reveal(line) {
    let best = null;
    for (const element of document.querySelectorAll("#quire-content [data-line]")) {
      const start = Number(element.getAttribute("data-line"));
      if (start > line)
        break;
      best = element;
    }
    if (!best)
      return;
    const box = best.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight)
      best.scrollIntoView({block: "center"});
  },
};
