// Plain-JavaScript map: 300 actors, 600 links, drag by pointer. Positions follow the same
// formula as bench/run.mjs's generated map.
const svgNS = "http://www.w3.org/2000/svg";
const svg = document.getElementById("map");
const actors = Array.from({ length: 300 }, (_, i) => ({ id: `actor-${i}`, x: 40 + (i % 25) * 62, y: 40 + Math.floor(i / 25) * 70 }));
const links = Array.from({ length: 600 }, (_, i) => ({ from: i % 300, to: (i * 7 + 3) % 300 }));
const edgesOf = actors.map(() => []);
const linkPaths = links.map((link, index) => {
  const path = document.createElementNS(svgNS, "path");
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "#0072B2");
  path.setAttribute("stroke-width", "3");
  svg.appendChild(path);
  edgesOf[link.from].push(index);
  edgesOf[link.to].push(index);
  return path;
});
const draw = (index) => {
  const { from, to } = links[index];
  const a = actors[from], b = actors[to];
  linkPaths[index].setAttribute("d", `M${a.x},${a.y} Q${(a.x + b.x) / 2},${(a.y + b.y) / 2} ${b.x},${b.y}`);
};
links.forEach((_, i) => draw(i));
const nodes = actors.map((actor, i) => {
  const g = document.createElementNS(svgNS, "g");
  g.setAttribute("class", "actor");
  g.setAttribute("data-actor", actor.id);
  g.setAttribute("transform", `translate(${actor.x} ${actor.y})`);
  const circle = document.createElementNS(svgNS, "circle");
  circle.setAttribute("r", "20");
  circle.setAttribute("fill", "#56B4E9");
  circle.setAttribute("stroke", "#111");
  circle.setAttribute("stroke-width", "3");
  const text = document.createElementNS(svgNS, "text");
  text.setAttribute("y", "40");
  text.setAttribute("text-anchor", "middle");
  text.setAttribute("font-size", "18");
  text.textContent = `Actor ${i + 1}`;
  g.append(circle, text);
  svg.appendChild(g);
  return g;
});
let dragging = null;
const toMap = (event) => {
  const rect = svg.getBoundingClientRect();
  const scale = Math.min(rect.width / 1600, rect.height / 900);
  return [(event.clientX - rect.left - (rect.width - 1600 * scale) / 2) / scale, (event.clientY - rect.top - (rect.height - 900 * scale) / 2) / scale];
};
nodes.forEach((g, i) => g.addEventListener("pointerdown", (event) => {
  dragging = i;
  g.setPointerCapture(event.pointerId);
}));
svg.addEventListener("pointermove", (event) => {
  if (dragging === null) return;
  const [x, y] = toMap(event);
  actors[dragging].x = x;
  actors[dragging].y = y;
  nodes[dragging].setAttribute("transform", `translate(${x} ${y})`);
  edgesOf[dragging].forEach(draw);
});
svg.addEventListener("pointerup", () => { dragging = null; });
document.body.dataset.ready = "yes";
