declare const weights: {
  trees: { f: ArrayLike<number>; v: ArrayLike<number> }[];
  [field: string]: unknown;
};
export default weights;
