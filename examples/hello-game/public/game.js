// Star Catcher: catch falling stars, dodge the rocks. Plain canvas, no dependencies, no build step.
(() => {
  const canvas = document.getElementById('game');
  const ctx = canvas.getContext('2d');
  let width = 0;
  let height = 0;
  let scale = 1;

  const BEST_KEY = 'star-catcher-best';
  const COLORS = {
    sky: '#0b1026',
    star: '#ffd166',
    comet: '#7bdff2',
    rock: '#ef476f',
    text: '#f1f5ff',
    dim: '#8d99c4',
  };

  let state = 'title';
  const player = { x: 0, targetX: 0, width: 84 };
  let items = [];
  let particles = [];
  let backdrop = [];
  let score = 0;
  let lives = 3;
  let best = readBest();
  let elapsed = 0;
  let spawnIn = 0;
  let lastTime = 0;
  let greeting = 'Signing in…';

  // Silent login on start (spec §4.3: the scanner requires TTMinis.login). A guest can still play.
  function login() {
    if (!window.TTMinis || typeof window.TTMinis.login !== 'function') {
      greeting = 'Playing as guest';
      return;
    }
    TTMinis.login((response) => {
      greeting = response?.authResponse ? 'Signed in: scores are yours' : 'Playing as guest';
    });
  }

  function readBest() {
    try {
      return Number(window.localStorage.getItem(BEST_KEY)) || 0;
    } catch (_error) {
      return 0;
    }
  }

  function saveBest(value) {
    try {
      window.localStorage.setItem(BEST_KEY, String(value));
    } catch (_error) {
      // Private mode: the best score lasts for this session only.
    }
  }

  function resize() {
    scale = window.devicePixelRatio || 1;
    width = window.innerWidth;
    height = window.innerHeight;
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    player.width = Math.max(64, Math.min(120, width / 5));
    if (player.x === 0) player.x = player.targetX = width / 2;
    backdrop = [];
    for (let i = 0; i < 70; i++) {
      backdrop.push({
        x: Math.random() * width,
        y: Math.random() * height,
        r: Math.random() * 1.6 + 0.3,
        phase: Math.random() * 6,
      });
    }
  }

  function start() {
    state = 'playing';
    items = [];
    particles = [];
    score = 0;
    lives = 3;
    elapsed = 0;
    spawnIn = 0.6;
  }

  function spawn() {
    const roll = Math.random();
    const kind = roll < 0.08 ? 'comet' : roll < 0.32 + Math.min(0.2, elapsed / 300) ? 'rock' : 'star';
    const speed = 140 + elapsed * 4 + Math.random() * 60;
    items.push({
      kind: kind,
      x: 20 + Math.random() * (width - 40),
      y: -20,
      r: kind === 'rock' ? 15 : kind === 'comet' ? 10 : 12,
      vy: kind === 'comet' ? speed * 1.6 : speed,
      spin: Math.random() * Math.PI,
    });
  }

  function burst(x, y, color, count) {
    for (let i = 0; i < count; i++) {
      const angle = Math.random() * Math.PI * 2;
      const speed = 40 + Math.random() * 160;
      particles.push({
        x: x,
        y: y,
        vx: Math.cos(angle) * speed,
        vy: Math.sin(angle) * speed,
        life: 0.6,
        color: color,
      });
    }
  }

  function update(dt) {
    for (let b = 0; b < backdrop.length; b++) backdrop[b].phase += dt * 2;
    player.x += (player.targetX - player.x) * Math.min(1, dt * 14);
    for (let p = particles.length - 1; p >= 0; p--) {
      const part = particles[p];
      part.life -= dt;
      part.x += part.vx * dt;
      part.y += part.vy * dt;
      part.vy += 300 * dt;
      if (part.life <= 0) particles.splice(p, 1);
    }
    if (state !== 'playing') return;

    elapsed += dt;
    spawnIn -= dt;
    if (spawnIn <= 0) {
      spawn();
      spawnIn = Math.max(0.25, 0.9 - elapsed / 90);
    }
    const basketY = height - 70;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      item.y += item.vy * dt;
      item.spin += dt * 3;
      const caught =
        item.y + item.r >= basketY &&
        item.y - item.r <= basketY + 18 &&
        Math.abs(item.x - player.x) < player.width / 2 + item.r;
      if (caught) {
        items.splice(i, 1);
        if (item.kind === 'rock') {
          lives -= 1;
          burst(item.x, item.y, COLORS.rock, 24);
          if (lives <= 0) gameOver();
        } else {
          score += item.kind === 'comet' ? 5 : 1;
          burst(item.x, item.y, item.kind === 'comet' ? COLORS.comet : COLORS.star, 14);
        }
      } else if (item.y - item.r > height) {
        items.splice(i, 1);
      }
    }
  }

  function gameOver() {
    state = 'over';
    if (score > best) {
      best = score;
      saveBest(best);
    }
  }

  function drawStar(x, y, r, rotation, color) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(rotation);
    ctx.beginPath();
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 === 0 ? r : r * 0.45;
      const angle = (i * Math.PI) / 5;
      ctx.lineTo(Math.sin(angle) * radius, -Math.cos(angle) * radius);
    }
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.fill();
    ctx.restore();
  }

  function drawRock(x, y, r, rotation) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(rotation);
    ctx.beginPath();
    for (let i = 0; i < 7; i++) {
      const angle = (i / 7) * Math.PI * 2;
      const radius = r * (i % 2 === 0 ? 1 : 0.78);
      ctx.lineTo(Math.cos(angle) * radius, Math.sin(angle) * radius);
    }
    ctx.closePath();
    ctx.fillStyle = COLORS.rock;
    ctx.fill();
    ctx.restore();
  }

  function text(value, x, y, size, color, align) {
    ctx.fillStyle = color;
    ctx.font = `600 ${size}px system-ui, -apple-system, sans-serif`;
    ctx.textAlign = align || 'center';
    ctx.fillText(value, x, y);
  }

  function draw() {
    ctx.fillStyle = COLORS.sky;
    ctx.fillRect(0, 0, width, height);
    for (let b = 0; b < backdrop.length; b++) {
      const dot = backdrop[b];
      ctx.globalAlpha = 0.35 + 0.35 * Math.sin(dot.phase);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(dot.x, dot.y, dot.r, dot.r);
    }
    ctx.globalAlpha = 1;

    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === 'rock') drawRock(item.x, item.y, item.r, item.spin);
      else drawStar(item.x, item.y, item.r, item.spin, item.kind === 'comet' ? COLORS.comet : COLORS.star);
    }
    for (let p = 0; p < particles.length; p++) {
      const part = particles[p];
      ctx.globalAlpha = Math.max(0, part.life / 0.6);
      ctx.fillStyle = part.color;
      ctx.fillRect(part.x - 2, part.y - 2, 4, 4);
    }
    ctx.globalAlpha = 1;

    const basketY = height - 70;
    ctx.fillStyle = '#f1f5ff';
    ctx.beginPath();
    ctx.moveTo(player.x - player.width / 2, basketY);
    ctx.lineTo(player.x + player.width / 2, basketY);
    ctx.lineTo(player.x + player.width / 2 - 12, basketY + 18);
    ctx.lineTo(player.x - player.width / 2 + 12, basketY + 18);
    ctx.closePath();
    ctx.fill();

    text(`★ ${score}`, 20, 44, 24, COLORS.text, 'left');
    text(new Array(Math.max(0, lives) + 1).join('♥ '), width - 20, 44, 20, COLORS.rock, 'right');

    if (state === 'title') {
      text('Star Catcher', width / 2, height * 0.36, 40, COLORS.star);
      text('Catch ★, dodge the red rocks', width / 2, height * 0.36 + 40, 17, COLORS.text);
      text('Tap to start', width / 2, height * 0.52, 22, COLORS.text);
      text(greeting, width / 2, height * 0.52 + 34, 14, COLORS.dim);
    } else if (state === 'over') {
      text('Game over', width / 2, height * 0.38, 38, COLORS.text);
      text(`Score ${score}   Best ${best}`, width / 2, height * 0.38 + 40, 20, COLORS.star);
      text('Tap to play again', width / 2, height * 0.52, 20, COLORS.text);
    }
  }

  function frame(time) {
    const dt = Math.min(0.05, (time - lastTime) / 1000 || 0);
    lastTime = time;
    update(dt);
    draw();
    window.requestAnimationFrame(frame);
  }

  function pointerTo(event) {
    player.targetX = Math.max(player.width / 2, Math.min(width - player.width / 2, event.clientX));
  }

  canvas.addEventListener('pointermove', pointerTo);
  canvas.addEventListener('pointerdown', (event) => {
    pointerTo(event);
    if (state !== 'playing') start();
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') player.targetX = Math.max(player.width / 2, player.targetX - 60);
    if (event.key === 'ArrowRight') player.targetX = Math.min(width - player.width / 2, player.targetX + 60);
    if ((event.key === ' ' || event.key === 'Enter') && state !== 'playing') start();
  });
  window.addEventListener('resize', resize);

  resize();
  login();
  window.requestAnimationFrame(frame);
})();
