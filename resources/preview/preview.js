// The preview page's side of the bridge, injected into the theme's post page.
//
// quire.update(shellTitle, title, generation, start, removed, inserted, lineShift): patches the
// post's content in the element the page was made with (#quire-content), block by block as Quire
// computed it (ui/preview/page_blocks.h): only changed blocks arrive and are replaced; the others
// keep their DOM nodes, so KaTeX output, images and the scroll position stay put. The title the page was made with is replaced where the theme
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

  // The nodes of each block of the content, in order (see PageBlocks): null until the first update.
  blocks: null,

  shiftLines(node, shift) {
    if (node.nodeType !== Node.ELEMENT_NODE)
      return;
    for (const element of [node, ...node.querySelectorAll("[data-line]")]) {
      if (element.hasAttribute("data-line"))
        element.setAttribute("data-line", Number(element.getAttribute("data-line")) + shift);
    }
  },

  // Replaces `removed` blocks from `start` on with the `inserted` ones; the blocks after them stay
  // (their nodes, KaTeX output and images untouched), their source lines moved by `lineShift`.
  patch(content, start, removed, inserted, lineShift) {
    if (!this.blocks) {
      content.replaceChildren();
      this.blocks = [];
    }
    let anchor = null;
    for (const nodes of this.blocks.slice(start + removed)) {
      if (nodes.length > 0) {
        anchor = nodes[0];
        break;
      }
    }
    for (const nodes of this.blocks.slice(start, start + removed))
      nodes.forEach((node) => node.remove());
    const fresh = inserted.map((html) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      return Array.from(template.content.childNodes);
    });
    const fragment = document.createDocumentFragment();
    fresh.forEach((nodes) => fragment.append(...nodes));
    content.insertBefore(fragment, anchor);
    this.blocks.splice(start, removed, ...fresh);
    if (lineShift !== 0) {
      for (const nodes of this.blocks.slice(start + fresh.length))
        nodes.forEach((node) => this.shiftLines(node, lineShift));
    }
  },

  update(shellTitle, title, generation, start, removed, inserted, lineShift) {
    const heading = this.titleElement(shellTitle);
    if (heading && heading.textContent !== title)
      heading.textContent = title;
    const content = document.getElementById("quire-content");
    if (content)
      this.patch(content, start, removed, inserted, lineShift);
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
