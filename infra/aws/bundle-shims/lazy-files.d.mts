export declare const LAZY_FOLDER: string;
export declare const ELD_TABLE_FILE: string;
