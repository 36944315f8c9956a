/** eld's extra-small n-gram database as JSON (see infra/build/generate-eld-data.ts). */
export declare const ELD_EXTRASMALL_JSON: string;
