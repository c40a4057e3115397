// The start-up floor's only work: a title on the page, and the mark the app sets when mounted.
const title = document.createElement("h1");
title.textContent = "PLA Workshop";
document.body.append(title);
performance.mark("app-ready");
