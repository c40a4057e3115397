// One circle follows the pointer: the least work a drag frame can do.
const disc = document.getElementById("disc");
const scale = 1600 / 1280;
let dragging = false;
disc.addEventListener("pointerdown", (event) => {
  dragging = true;
  disc.setPointerCapture(event.pointerId);
});
document.getElementById("paper").addEventListener("pointermove", (event) => {
  if (!dragging) return;
  disc.setAttribute("cx", event.clientX * scale);
  disc.setAttribute("cy", event.clientY * scale);
});
disc.addEventListener("pointerup", () => { dragging = false; });
document.body.dataset.ready = "yes";
