// The preview page's side of the bridge: Quire calls quire.update(title, html) after each render.
// Content arrives as HTML from Quire's own renderer; scripts inside it never run (innerHTML).
"use strict";
window.quire = {
  update(title, html) {
    document.getElementById("quire-title").textContent = title;
    document.getElementById("quire-content").innerHTML = html;
  },
};
