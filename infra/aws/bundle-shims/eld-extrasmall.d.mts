import type { eld as original } from "eld/extrasmall";

export declare const eld: typeof original;
export default eld;
