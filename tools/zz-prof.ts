import * as st from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
await st.setBackend(cpu());
const x = st.randomNormal([128, 784], { seed: 1 });
const ps = [st.variable(st.randomNormal([784, 512], { seed: 2 })), st.variable(st.zeros([512])), st.variable(st.randomNormal([512, 256], { seed: 3 })), st.variable(st.zeros([256])), st.variable(st.randomNormal([256, 10], { seed: 4 })), st.variable(st.zeros([10]))];
const labels = st.zeros([128, 10]);
const times = new Map<string, number>();
const orig = st.engine.notify.bind(st.engine);
let last = performance.now();
st.engine.addObserver({ onOp(r) { const now = performance.now(); times.set(r.op, (times.get(r.op) ?? 0) + now - last); last = now; } });
for (let i = 0; i < 5; i++) {
  const tape = new GradientTape();
  const t0 = performance.now();
  const loss = tape.record(() => st.tidy(() => {
    let h: st.Tensor = x;
    for (let i = 0; i < 6; i += 2) { const z = st.add(st.matmul(h, ps[i]), ps[i + 1]); h = i + 2 < 6 ? st.relu(z) : z; }
    return st.neg(st.mean(st.sum(st.mul(labels, st.logSoftmax(h)), 1)));
  }));
  const t1 = performance.now();
  last = performance.now();
  const g = tape.gradient(loss, ps);
  const t2 = performance.now();
  console.log('forward', (t1 - t0).toFixed(1), 'backward', (t2 - t1).toFixed(1));
  st.dispose([loss, g]);
  if (i === 3) times.clear();
}
console.log([...times].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('\n'));
void orig;
