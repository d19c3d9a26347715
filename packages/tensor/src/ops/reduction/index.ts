export * from './sum';
