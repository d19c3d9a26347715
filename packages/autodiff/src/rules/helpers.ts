import { where, zerosLike, type Tensor } from '@strata/tensor';

/** `dy` where `condition` holds, 0 elsewhere (not `dy * mask`: a NaN or infinite dy must not leak through a 0). */
export function passWhere(condition: Tensor, dy: Tensor): Tensor {
  return where(condition, dy, zerosLike(dy));
}
