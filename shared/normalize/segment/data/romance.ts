import type { LanguageData } from "./types";

export const es: LanguageData = {
  titles: `sr sra srta sres sras dr dra lic lcdo lcda ing arq prof profa d dña dn ud uds vd vds gral cnel
    mons excmo excma ilmo ilma sto sta fr`,
  beforeNumber: "núm nº n pág págs p art arts cap vol tel tfno",
  abbreviations: `admón aprox avda av cía etc ej fig apdo atte cta dpto depto esq hnos ibid jr ltda máx mín pp
    prov pza s.a s.l sig tlf vs vda adm gob cf ene feb mar abr may jun jul ago sep sept oct nov dic`,
  starters: `el la los las lo un una unos unas él ella ellos ellas yo tú nosotros usted este esta estos estas
    ese esa eso esto pero y o en por para con sin sobre según hay no se su sus mi mis cuando si como qué
    quién dónde cómo también además entonces luego después ahora hoy ayer`,
};

export const fr: LanguageData = {
  titles: "m mm mme mmes mlle mlles dr pr me mgr st ste gén col cdt lt sgt",
  beforeNumber: "n no nº p pp art chap vol tél fig",
  abbreviations: `etc env cf ex av bd boul apr janv févr avr juil sept oct nov déc éd hab min max id ibid
    cie sté éts inc ltd coll dép dir ms`,
  // "L'exploitation", "D'abord", "C'est", "Qu'il": the letters before the apostrophe are the word.
  starters: `le la les l un une des d il elle ils elles on nous vous je j tu ce c cette ces cet mais et ou
    donc car puis alors en dans pour par avec sans sur selon si s quand comme lorsque depuis aujourd hier
    qu n`,
};

export const it: LanguageData = {
  titles: "sig sigg sigra dott prof ing avv arch geom rag on mons gen col cav dr sen s ss",
  beforeNumber: "n nr pag pagg art cap vol tel fig",
  abbreviations: `ecc ca cfr es p.es c.a s.p.a s.r.l gen feb mar apr mag giu lug ago set ott nov dic`,
  starters: `il lo la i gli le l un uno una lui lei loro noi io tu voi egli ella ma e o però quindi poi
    allora in con per da su di questo questa questi queste quello quella che chi come dove quando se anche
    non ci si`,
};

export const pt: LanguageData = {
  titles: "sr sra srta dr dra prof profa eng exmo exma d sto sta",
  beforeNumber: "n nº pág art cap vol tel",
  abbreviations: "etc aprox av cia ltda ex obs jan fev mar abr mai jun jul ago set out nov dez",
  starters: `o a os as um uma uns umas ele ela eles elas eu nós você este esta estes estas esse essa isso
    isto mas e ou em no na nos nas por para com sem se quando como que também não`,
};

export const ca: LanguageData = {
  titles: "sr sra srta dr dra prof",
  beforeNumber: "núm pàg art cap vol tel",
  abbreviations: "etc aprox av cia pàg ex gen febr març abr jul ag set oct nov des",
  starters: `el la els les l un una ell ella ells elles jo nosaltres aquest aquesta però i o en per amb
    sense si quan com que també no`,
};

export const ro: LanguageData = {
  titles: "dl dna dra dr prof ing gen str",
  beforeNumber: "nr pag art cap vol tel",
  abbreviations: "etc aprox ian feb mar apr iun iul aug sept oct nov dec",
  starters: "el ea ei ele eu noi voi acesta aceasta dar și sau în la pe cu de când dacă cum",
};
