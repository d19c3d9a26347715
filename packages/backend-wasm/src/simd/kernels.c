// Strata's own SIMD kernels for the wasm backend, run on tfjs-wasm's memory (imported, never grown
// or written outside the buffers passed in). Built by build.sh with clang --target=wasm32 -msimd128;
// kernels.wasm and kernels-shared.wasm (for the threaded binary's shared memory) are checked in.
// Every function is a leaf that keeps its state in wasm locals: nothing is placed on a shadow stack
// or in static data, which would land in memory that tfjs-wasm owns (build.sh checks the binary).
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(name)))

typedef unsigned int u32;

// out = y > 0 ? dy : 0, on the floats' bits: y > 0 exactly when its bits, as an int32, lie in
// (0, 0x7f800000]; +0, -0, negatives and NaNs fail. A NaN dy where y <= 0 still gives 0.
EXPORT("relu_grad") void relu_grad(const int *y, const int *dy, int *out, u32 n) {
  const v128_t one = wasm_i32x4_splat(1);
  const v128_t inf = wasm_i32x4_splat(0x7f800000);
  u32 i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t pass = wasm_u32x4_lt(wasm_i32x4_sub(wasm_v128_load(y + i), one), inf);
    wasm_v128_store(out + i, wasm_v128_and(wasm_v128_load(dy + i), pass));
  }
  for (; i < n; i++) out[i] = ((u32)(y[i] - 1) < 0x7f800000u) ? dy[i] : 0;
}

// MaxPool's gradient for 2x2 windows at stride 2 that lie inside the input (NHWC): each window's dy
// goes to its first strictly largest input, in row-major order, from -Infinity (NaN never wins; an
// all-NaN or all -Infinity window passes nothing), as tfjs's cpu kernel. Writes all four positions
// of every window (dy or 0); rows and columns no window covers are left to the caller.
EXPORT("max_pool_grad_2x2") void max_pool_grad_2x2(const float *x, const float *dy, float *dx, u32 batch,
                                                    u32 in_h, u32 in_w, u32 channels, u32 out_h, u32 out_w) {
  const u32 row = in_w * channels;
  const v128_t ninf = wasm_f32x4_splat(-__builtin_inff());
  const v128_t zero = wasm_f32x4_splat(0);
  for (u32 b = 0; b < batch; b++) {
    for (u32 oy = 0; oy < out_h; oy++) {
      const u32 top = (b * in_h + 2 * oy) * row;
      for (u32 ox = 0; ox < out_w; ox++) {
        const u32 p = top + 2 * ox * channels;
        const float *g = dy + ((b * out_h + oy) * out_w + ox) * channels;
        u32 c = 0;
        for (; c + 4 <= channels; c += 4) {
          const u32 i00 = p + c, i01 = i00 + channels, i10 = i00 + row, i11 = i10 + channels;
          v128_t v00 = wasm_v128_load(x + i00), v01 = wasm_v128_load(x + i01);
          v128_t v10 = wasm_v128_load(x + i10), v11 = wasm_v128_load(x + i11);
          // at_k: lanes where tap k is the winner so far; later winners clear the earlier ones.
          v128_t m00 = wasm_f32x4_gt(v00, ninf);
          v128_t best = wasm_v128_bitselect(v00, ninf, m00);
          v128_t m01 = wasm_f32x4_gt(v01, best);
          best = wasm_v128_bitselect(v01, best, m01);
          v128_t m10 = wasm_f32x4_gt(v10, best);
          best = wasm_v128_bitselect(v10, best, m10);
          v128_t m11 = wasm_f32x4_gt(v11, best);
          m10 = wasm_v128_andnot(m10, m11);
          m01 = wasm_v128_andnot(wasm_v128_andnot(m01, m11), m10);
          m00 = wasm_v128_andnot(wasm_v128_andnot(wasm_v128_andnot(m00, m11), m10), m01);
          v128_t gv = wasm_v128_load(g + c);
          wasm_v128_store(dx + i00, wasm_v128_bitselect(gv, zero, m00));
          wasm_v128_store(dx + i01, wasm_v128_bitselect(gv, zero, m01));
          wasm_v128_store(dx + i10, wasm_v128_bitselect(gv, zero, m10));
          wasm_v128_store(dx + i11, wasm_v128_bitselect(gv, zero, m11));
        }
        for (; c < channels; c++) {
          const u32 i00 = p + c, i01 = i00 + channels, i10 = i00 + row, i11 = i10 + channels;
          float best = -__builtin_inff();
          u32 at = 4;
          if (x[i00] > best) best = x[i00], at = 0;
          if (x[i01] > best) best = x[i01], at = 1;
          if (x[i10] > best) best = x[i10], at = 2;
          if (x[i11] > best) at = 3;
          dx[i00] = at == 0 ? g[c] : 0;
          dx[i01] = at == 1 ? g[c] : 0;
          dx[i10] = at == 2 ? g[c] : 0;
          dx[i11] = at == 3 ? g[c] : 0;
        }
      }
    }
  }
}

// im2col, transposed for the filter gradient's product: patches[(i, j, c), (b, oy, ox)] is the input
// value filter tap (i, j) read on channel c at output position (b, oy, ox), 0 in the padding (NHWC x).
EXPORT("im2col_t") void im2col_t(const float *x, float *patches, u32 batch, u32 in_h, u32 in_w, u32 channels,
                                  u32 filter_h, u32 filter_w, u32 stride_h, u32 stride_w, int pad_top,
                                  int pad_left, u32 out_h, u32 out_w) {
  float *o = patches;
  for (u32 i = 0; i < filter_h; i++) {
    for (u32 j = 0; j < filter_w; j++) {
      // The output columns whose tap (i, j) lands inside the input: ox in [first, last).
      const int left = (int)j - pad_left;
      int first = left >= 0 ? 0 : (-left + (int)stride_w - 1) / (int)stride_w;
      if (first > (int)out_w) first = (int)out_w;
      int last = ((int)in_w - left + (int)stride_w - 1) / (int)stride_w;
      if (last > (int)out_w) last = (int)out_w;
      if (last < first) last = first;
      for (u32 c = 0; c < channels; c++) {
        for (u32 b = 0; b < batch; b++) {
          for (u32 oy = 0; oy < out_h; oy++, o += out_w) {
            const int r = (int)(oy * stride_h + i) - pad_top;
            if (r < 0 || r >= (int)in_h) {
              for (u32 ox = 0; ox < out_w; ox++) o[ox] = 0;
              continue;
            }
            const float *src = x + ((int)((b * in_h + (u32)r) * in_w) + left) * (int)channels + (int)c;
            const int step = (int)(stride_w * channels);
            int ox = 0;
            for (; ox < first; ox++) o[ox] = 0;
            if (step == 1) {
              for (; ox + 4 <= last; ox += 4) wasm_v128_store(o + ox, wasm_v128_load(src + ox));
            }
            for (; ox < last; ox++) o[ox] = src[ox * step];
            for (; ox < (int)out_w; ox++) o[ox] = 0;
          }
        }
      }
    }
  }
}

// One register tile of C = A · B for the filter gradient's long-K product: R rows of C from row m0,
// 4·V columns from column n0, accumulated over all of K in locals (R, V are constants at each call,
// so the loops unroll and the accumulators stay in registers). B is read as it lies, row by row: no
// packing, which is what XNNPACK's fully-connected operator spends most of its time on when B (dy)
// is new on every call.
static inline __attribute__((always_inline)) void tile(const float *a, const float *b, float *c, u32 k_len,
                                                        u32 n, u32 m0, u32 n0, const u32 R, const u32 V) {
  v128_t acc[3][4];
  for (u32 r = 0; r < R; r++)
    for (u32 v = 0; v < V; v++) acc[r][v] = wasm_f32x4_splat(0);
  const float *b_at = b + n0;
  for (u32 k = 0; k < k_len; k++, b_at += n) {
    v128_t bv[4];
    for (u32 v = 0; v < V; v++) bv[v] = wasm_v128_load(b_at + 4 * v);
    for (u32 r = 0; r < R; r++) {
      const v128_t av = wasm_f32x4_splat(a[(m0 + r) * k_len + k]);
      for (u32 v = 0; v < V; v++) acc[r][v] = wasm_f32x4_add(acc[r][v], wasm_f32x4_mul(av, bv[v]));
    }
  }
  for (u32 r = 0; r < R; r++)
    for (u32 v = 0; v < V; v++) wasm_v128_store(c + (m0 + r) * n + n0 + 4 * v, acc[r][v]);
}

// C[m, n] = sum over k of A[m, k] · B[k, n], all row-major: the filter gradient's product
// patches[taps, positions] · dy[positions, outChannels] for few taps and a long K (positions).
EXPORT("matmul_long_k") void matmul_long_k(const float *a, const float *b, float *c, u32 m, u32 k_len, u32 n) {
  const u32 n16 = n - n % 16, n4 = n - n % 4;
  u32 m0 = 0;
  for (; m0 + 3 <= m; m0 += 3) {
    u32 n0 = 0;
    for (; n0 < n16; n0 += 16) tile(a, b, c, k_len, n, m0, n0, 3, 4);
    for (; n0 < n4; n0 += 4) tile(a, b, c, k_len, n, m0, n0, 3, 1);
  }
  for (; m0 < m; m0++) {
    u32 n0 = 0;
    for (; n0 < n16; n0 += 16) tile(a, b, c, k_len, n, m0, n0, 1, 4);
    for (; n0 < n4; n0 += 4) tile(a, b, c, k_len, n, m0, n0, 1, 1);
  }
  // The last n % 4 columns, one at a time (B read with a stride: only for odd channel counts).
  for (u32 col = n4; col < n; col++) {
    for (u32 row = 0; row < m; row++) {
      float sum = 0;
      for (u32 k = 0; k < k_len; k++) sum += a[row * k_len + k] * b[k * n + col];
      c[row * n + col] = sum;
    }
  }
}

// Rows are summed in blocks of this many before a block's sum joins the column's total, so a float's
// error grows with rows / SUM_BLOCK + SUM_BLOCK additions, not with all the rows one after another.
#define SUM_BLOCK 64

// out[c0 .. c0 + 4V) = the sums over rows of those columns of x [rows, cols] (row-major), V vectors
// at a time (a constant at each call: the accumulators stay in registers).
static inline __attribute__((always_inline)) void column_sums(const float *x, float *out, u32 rows, u32 cols,
                                                               u32 c0, const u32 V) {
  for (u32 v = 0; v < V; v++) wasm_v128_store(out + c0 + 4 * v, wasm_f32x4_splat(0));
  for (u32 r0 = 0; r0 < rows; r0 += SUM_BLOCK) {
    const u32 r1 = r0 + SUM_BLOCK < rows ? r0 + SUM_BLOCK : rows;
    v128_t acc[8];
    for (u32 v = 0; v < V; v++) acc[v] = wasm_f32x4_splat(0);
    const float *p = x + r0 * cols + c0;
    for (u32 r = r0; r < r1; r++, p += cols)
      for (u32 v = 0; v < V; v++) acc[v] = wasm_f32x4_add(acc[v], wasm_v128_load(p + 4 * v));
    for (u32 v = 0; v < V; v++)
      wasm_v128_store(out + c0 + 4 * v, wasm_f32x4_add(wasm_v128_load(out + c0 + 4 * v), acc[v]));
  }
}

// out[c] = the sum over r of x[r, c], x [rows, cols] row-major: a bias's gradient (dy summed over the
// batch and every position), which tfjs-wasm computes by transposing the reduced axes to the end.
EXPORT("sum_rows") void sum_rows(const float *x, float *out, u32 rows, u32 cols) {
  u32 c0 = 0;
  for (; c0 + 32 <= cols; c0 += 32) column_sums(x, out, rows, cols, c0, 8);
  for (; c0 + 16 <= cols; c0 += 16) column_sums(x, out, rows, cols, c0, 4);
  for (; c0 + 4 <= cols; c0 += 4) column_sums(x, out, rows, cols, c0, 1);
  // The last cols % 4 columns, one at a time, blocked as above.
  for (; c0 < cols; c0++) {
    float total = 0;
    for (u32 r0 = 0; r0 < rows; r0 += SUM_BLOCK) {
      const u32 r1 = r0 + SUM_BLOCK < rows ? r0 + SUM_BLOCK : rows;
      float acc = 0;
      for (u32 r = r0; r < r1; r++) acc += x[r * cols + c0];
      total += acc;
    }
    out[c0] = total;
  }
}

// One Adam step (Keras's form) in one pass: m2 = m + (g - m)·c1, v2 = v + (g² - v)·c2,
// w2 = w - (m2·alpha) / (√v2 + eps), with c1 = 1 - β1 and c2 = 1 - β2 as float32. Each operation is
// the float32 one a separate elementwise kernel would do, in the same order: the same values, bit for bit.
EXPORT("adam_update") void adam_update(const float *w, const float *g, const float *m, const float *v, float *w2,
                                        float *m2, float *v2, u32 n, float alpha, float c1, float c2, float eps) {
  const v128_t va = wasm_f32x4_splat(alpha), vc1 = wasm_f32x4_splat(c1), vc2 = wasm_f32x4_splat(c2);
  const v128_t ve = wasm_f32x4_splat(eps);
  u32 i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t gi = wasm_v128_load(g + i), mi = wasm_v128_load(m + i), vi = wasm_v128_load(v + i);
    const v128_t mn = wasm_f32x4_add(mi, wasm_f32x4_mul(wasm_f32x4_sub(gi, mi), vc1));
    const v128_t vn = wasm_f32x4_add(vi, wasm_f32x4_mul(wasm_f32x4_sub(wasm_f32x4_mul(gi, gi), vi), vc2));
    const v128_t step = wasm_f32x4_div(wasm_f32x4_mul(mn, va), wasm_f32x4_add(wasm_f32x4_sqrt(vn), ve));
    wasm_v128_store(m2 + i, mn);
    wasm_v128_store(v2 + i, vn);
    wasm_v128_store(w2 + i, wasm_f32x4_sub(wasm_v128_load(w + i), step));
  }
  for (; i < n; i++) {
    const float mn = m[i] + (g[i] - m[i]) * c1;
    const float vn = v[i] + (g[i] * g[i] - v[i]) * c2;
    m2[i] = mn;
    v2[i] = vn;
    w2[i] = w[i] - (mn * alpha) / (__builtin_sqrtf(vn) + eps);
  }
}

// Where one output position reads the input for filter tap (i, j): the offset of its first channel
// in x, or -1 in the padding (an offset, not a pointer: x may lie at address 0).
static inline int tap_source(u32 b, u32 oy, u32 ox, u32 i, u32 j, u32 in_h, u32 in_w, u32 channels, u32 stride_h,
                             u32 stride_w, int pad_top, int pad_left) {
  const int r = (int)(oy * stride_h + i) - pad_top, col = (int)(ox * stride_w + j) - pad_left;
  if (r < 0 || r >= (int)in_h || col < 0 || col >= (int)in_w) return -1;
  return (int)((((b * in_h + (u32)r) * in_w) + (u32)col) * channels);
}

// im2col_t for channel counts that are a multiple of 4 (what every layer but an image's first has):
// the same patches, made 4 positions × 4 channels at a time. Each position's channels lie together in
// x (NHWC), so 4 loads read a 4×4 block that a transpose in registers turns into 4 channel rows of 4
// positions each, stored whole; im2col_t reads one float at a stride of `channels` per output float.
EXPORT("im2col_t_c4") void im2col_t_c4(const float *x, float *patches, u32 batch, u32 in_h, u32 in_w, u32 channels,
                                        u32 filter_h, u32 filter_w, u32 stride_h, u32 stride_w, int pad_top,
                                        int pad_left, u32 out_h, u32 out_w) {
  const u32 positions = batch * out_h * out_w;
  const v128_t zero = wasm_f32x4_splat(0);
  for (u32 i = 0; i < filter_h; i++) {
    for (u32 j = 0; j < filter_w; j++) {
      float *rows = patches + (i * filter_w + j) * channels * positions;
      u32 b = 0, oy = 0, ox = 0; // the coordinates of position p, advanced one position at a time
      for (u32 p = 0; p < positions; p += 4) {
        // The four positions' offsets in x, as four locals (an array would be placed in memory).
        const u32 lanes = positions - p < 4 ? positions - p : 4;
        int s0 = -1, s1 = -1, s2 = -1, s3 = -1;
#define NEXT_SOURCE(s_l, l)                                                                                          \
  if (l < lanes) {                                                                                                   \
    s_l = tap_source(b, oy, ox, i, j, in_h, in_w, channels, stride_h, stride_w, pad_top, pad_left);                  \
    if (++ox == out_w) {                                                                                             \
      ox = 0;                                                                                                        \
      if (++oy == out_h) oy = 0, b++;                                                                                \
    }                                                                                                                \
  }
        NEXT_SOURCE(s0, 0u)
        NEXT_SOURCE(s1, 1u)
        NEXT_SOURCE(s2, 2u)
        NEXT_SOURCE(s3, 3u)
#undef NEXT_SOURCE
        if (lanes < 4) {
          for (u32 c = 0; c < channels; c++) {
            float *o = rows + c * positions + p;
            o[0] = s0 >= 0 ? x[s0 + (int)c] : 0;
            if (lanes > 1) o[1] = s1 >= 0 ? x[s1 + (int)c] : 0;
            if (lanes > 2) o[2] = s2 >= 0 ? x[s2 + (int)c] : 0;
          }
          continue;
        }
        for (u32 c = 0; c < channels; c += 4) {
          const v128_t a = s0 >= 0 ? wasm_v128_load(x + s0 + c) : zero;
          const v128_t bb = s1 >= 0 ? wasm_v128_load(x + s1 + c) : zero;
          const v128_t cc = s2 >= 0 ? wasm_v128_load(x + s2 + c) : zero;
          const v128_t d = s3 >= 0 ? wasm_v128_load(x + s3 + c) : zero;
          const v128_t t0 = wasm_i32x4_shuffle(a, bb, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(a, bb, 2, 6, 3, 7);
          const v128_t t2 = wasm_i32x4_shuffle(cc, d, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(cc, d, 2, 6, 3, 7);
          float *o = rows + c * positions + p;
          wasm_v128_store(o, wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5));
          wasm_v128_store(o + positions, wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7));
          wasm_v128_store(o + 2 * positions, wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5));
          wasm_v128_store(o + 3 * positions, wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7));
        }
      }
    }
  }
}

// The inverse of im2col, for Conv2D's input gradient: dx (NHWC, zeroed here) gets, at each input
// position, the sum of cols[(b, oy, ox), (i, j, c)] over every output position and filter tap (i, j)
// that read it, where cols = dy · Wᵀ holds each output position's contribution to each tap. Images
// are done one at a time, so the rows being added to stay in cache; channels go four at a time.
EXPORT("col2im") void col2im(const float *cols, float *dx, u32 batch, u32 in_h, u32 in_w, u32 channels,
                             u32 filter_h, u32 filter_w, u32 stride_h, u32 stride_w, int pad_top, int pad_left,
                             u32 out_h, u32 out_w) {
  const u32 image = in_h * in_w * channels;
  const u32 taps = filter_h * filter_w * channels;
  const u32 c4 = channels - channels % 4;
  for (u32 b = 0; b < batch; b++) {
    float *img = dx + b * image;
    for (u32 e = 0; e < image; e++) img[e] = 0;
    for (u32 oy = 0; oy < out_h; oy++) {
      for (u32 ox = 0; ox < out_w; ox++) {
        const float *row = cols + ((b * out_h + oy) * out_w + ox) * taps;
        for (u32 i = 0; i < filter_h; i++) {
          const int r = (int)(oy * stride_h + i) - pad_top;
          if (r < 0 || r >= (int)in_h) continue;
          for (u32 j = 0; j < filter_w; j++) {
            const int q = (int)(ox * stride_w + j) - pad_left;
            if (q < 0 || q >= (int)in_w) continue;
            float *d = img + ((u32)r * in_w + (u32)q) * channels;
            const float *s = row + (i * filter_w + j) * channels;
            u32 c = 0;
            for (; c < c4; c += 4) wasm_v128_store(d + c, wasm_f32x4_add(wasm_v128_load(d + c), wasm_v128_load(s + c)));
            for (; c < channels; c++) d[c] += s[c];
          }
        }
      }
    }
  }
}

#define CONV_BIAS 1u
#define CONV_RELU 2u

// One register tile of a direct convolution: R (1 or 2) consecutive output pixels of a row × 16
// output channels from c0 (V = 4 vectors; V = 1: 4 channels), summed over every tap and input channel
// of an input whose padding is already in place (no bounds are checked). xp is the tile's first
// pixel's top-left input; `step` separates the R pixels' inputs, `tap_row`/`tap_col` a tap's rows and
// columns. Named accumulators, not an array: clang kept an array of them on the shadow stack.
static inline __attribute__((always_inline)) void conv_tile(const float *xp, const float *w, const float *bias,
                                                             float *out, u32 fh, u32 fw, u32 ci, u32 co, u32 c0,
                                                             u32 step, u32 tap_row, u32 tap_col, u32 flags,
                                                             const u32 R, const u32 V) {
  const v128_t zero = wasm_f32x4_splat(0);
  v128_t b0 = zero, b1 = zero, b2 = zero, b3 = zero;
  if (flags & CONV_BIAS) {
    b0 = wasm_v128_load(bias + c0);
    if (V == 4) b1 = wasm_v128_load(bias + c0 + 4), b2 = wasm_v128_load(bias + c0 + 8), b3 = wasm_v128_load(bias + c0 + 12);
  }
  v128_t a00 = b0, a01 = b1, a02 = b2, a03 = b3, a10 = b0, a11 = b1, a12 = b2, a13 = b3;
  const float *wt = w + c0;
  for (u32 i = 0; i < fh; i++) {
    for (u32 j = 0; j < fw; j++) {
      const float *xt = xp + i * tap_row + j * tap_col;
      for (u32 c = 0; c < ci; c++, wt += co) {
        const v128_t w0 = wasm_v128_load(wt);
        const v128_t x0 = wasm_f32x4_splat(xt[c]);
        a00 = wasm_f32x4_add(a00, wasm_f32x4_mul(x0, w0));
        if (V == 4) {
          const v128_t w1 = wasm_v128_load(wt + 4), w2 = wasm_v128_load(wt + 8), w3 = wasm_v128_load(wt + 12);
          a01 = wasm_f32x4_add(a01, wasm_f32x4_mul(x0, w1));
          a02 = wasm_f32x4_add(a02, wasm_f32x4_mul(x0, w2));
          a03 = wasm_f32x4_add(a03, wasm_f32x4_mul(x0, w3));
          if (R == 2) {
            const v128_t x1 = wasm_f32x4_splat(xt[step + c]);
            a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(x1, w0));
            a11 = wasm_f32x4_add(a11, wasm_f32x4_mul(x1, w1));
            a12 = wasm_f32x4_add(a12, wasm_f32x4_mul(x1, w2));
            a13 = wasm_f32x4_add(a13, wasm_f32x4_mul(x1, w3));
          }
        } else if (R == 2) {
          a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(wasm_f32x4_splat(xt[step + c]), w0));
        }
      }
    }
  }
  if (flags & CONV_RELU) {
    a00 = wasm_f32x4_pmax(a00, zero), a01 = wasm_f32x4_pmax(a01, zero);
    a02 = wasm_f32x4_pmax(a02, zero), a03 = wasm_f32x4_pmax(a03, zero);
    a10 = wasm_f32x4_pmax(a10, zero), a11 = wasm_f32x4_pmax(a11, zero);
    a12 = wasm_f32x4_pmax(a12, zero), a13 = wasm_f32x4_pmax(a13, zero);
  }
  float *o = out + c0;
  wasm_v128_store(o, a00);
  if (V == 4) wasm_v128_store(o + 4, a01), wasm_v128_store(o + 8, a02), wasm_v128_store(o + 12, a03);
  if (R == 2) {
    wasm_v128_store(o + co, a10);
    if (V == 4) wasm_v128_store(o + co + 4, a11), wasm_v128_store(o + co + 8, a12), wasm_v128_store(o + co + 12, a13);
  }
}

// A direct NHWC convolution, out[b, oy, ox, :] = bias + Σ x·w, relu'd when asked: on one thread it
// runs faster than XNNPACK's indirect GEMM in tfjs-wasm, most of all where few input channels give
// that GEMM a short K (a first layer). x is already padded ([batch, in_h, in_w, ci] with the padding
// inside), the filter is [fh, fw, ci, co]; `flags` says whether to add the
// bias (co floats) and to apply relu. Taps and channels are summed in XNNPACK's order.
EXPORT("conv2d_direct") void conv2d_direct(const float *x, const float *w, const float *bias, float *out,
                                                   u32 batch, u32 in_h, u32 in_w, u32 ci, u32 fh, u32 fw,
                                                   u32 stride_h, u32 stride_w, u32 dilation_h, u32 dilation_w,
                                                   u32 out_h, u32 out_w, u32 co, u32 flags) {
  const u32 row = in_w * ci, step = stride_w * ci, tap_row = dilation_h * row;
  // Undilated, a filter row's taps read fw·ci consecutive floats, as do its weights: one run of "channels".
  const u32 tap_col = dilation_w * ci, cols = dilation_w == 1 ? 1 : fw, run = dilation_w == 1 ? fw * ci : ci;
  const u32 c16 = co - co % 16, c4 = co - co % 4;
  for (u32 b = 0; b < batch; b++) {
    for (u32 oy = 0; oy < out_h; oy++) {
      const float *xr = x + (b * in_h + oy * stride_h) * row;
      float *o = out + ((b * out_h + oy) * out_w) * co;
      // The last co % 4 channels, one float at a time.
      for (u32 ox = 0; ox < out_w; ox++) {
        for (u32 c = c4; c < co; c++) {
          float sum = (flags & CONV_BIAS) ? bias[c] : 0;
          const float *wt = w + c;
          for (u32 i = 0; i < fh; i++)
            for (u32 j = 0; j < cols; j++) {
              const float *xt = xr + ox * step + i * tap_row + j * tap_col;
              for (u32 q = 0; q < run; q++, wt += co) sum += xt[q] * *wt;
            }
          o[ox * co + c] = (flags & CONV_RELU) && sum < 0 ? 0 : sum; // as pmax: NaN stays
        }
      }
      u32 ox = 0;
      for (; ox + 2 <= out_w; ox += 2, o += 2 * co) {
        const float *xp = xr + ox * step;
        u32 c0 = 0;
        for (; c0 < c16; c0 += 16) conv_tile(xp, w, bias, o, fh, cols, run, co, c0, step, tap_row, tap_col, flags, 2, 4);
        for (; c0 < c4; c0 += 4) conv_tile(xp, w, bias, o, fh, cols, run, co, c0, step, tap_row, tap_col, flags, 2, 1);
      }
      for (; ox < out_w; ox++, o += co) {
        const float *xp = xr + ox * step;
        u32 c0 = 0;
        for (; c0 < c16; c0 += 16) conv_tile(xp, w, bias, o, fh, cols, run, co, c0, step, tap_row, tap_col, flags, 1, 4);
        for (; c0 < c4; c0 += 4) conv_tile(xp, w, bias, o, fh, cols, run, co, c0, step, tap_row, tap_col, flags, 1, 1);
      }
    }
  }
}
