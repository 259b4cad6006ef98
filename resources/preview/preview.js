// The preview page's side of the bridge, injected into the theme's post page. Quire calls
// quire.update(shellTitle, title, html) after each render: the post's content replaces the
// element the page was made with (#quire-content), and the title the page was made with is
// replaced where the theme shows it. Content arrives as HTML from Quire's own renderer; scripts
// inside it never run (innerHTML, and the page's content policy).
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
  update(shellTitle, title, html) {
    const heading = this.titleElement(shellTitle);
    if (heading && heading.textContent !== title)
      heading.textContent = title;
    const content = document.getElementById("quire-content");
    if (content)
      content.innerHTML = html;
  },
};
