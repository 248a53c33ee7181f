/** Column shapes shared by domain entities. */
import { p } from '@mikro-orm/core';

/** A double-precision column read as a JS number (MikroORM reads doubles as strings unless told): coordinates, amounts. */
export const doubleColumn = () => p.double().runtimeType('number').$type<number>();
