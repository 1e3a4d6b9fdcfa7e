import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { RouteRecord } from '@platform/p100-contract';

/**
 * The sandbox's route table, read from Nest's own metadata (each controller's path and each
 * handler's method and path) and kept only where Fastify's router really has the route mounted.
 * This is what "the sandbox implements an operation" means in the coverage report: no list of
 * implemented operations is written by hand anywhere.
 */
export function sandboxRouteTable(app: INestApplication): RouteRecord[] {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const routes: RouteRecord[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const bases = asList(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || paths === undefined) continue;
        for (const base of bases) {
          for (const sub of asList(paths)) {
            const route = { method: RequestMethod[method], path: joinPath(base, sub) };
            if (fastify.hasRoute({ method: route.method as HTTPMethods, url: route.path })) routes.push(route);
          }
        }
      }
    }
  }
  return routes;
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [''] : Array.isArray(value) ? value : [value];
}

function joinPath(...parts: string[]): string {
  const joined = parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return `/${joined}`;
}
