import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPermission, permissions, permissionsOf, rolePermissions, roles } from './roles.ts';

describe('roles and permissions', () => {
  it('gives admin every permission and every role only known permissions', () => {
    assert.deepEqual([...permissionsOf('admin')].sort(), [...permissions].sort());
    for (const role of roles)
      for (const p of rolePermissions[role]) assert.ok((permissions as readonly string[]).includes(p));
  });

  it('keeps user and key administration to admin', () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      assert.equal(hasPermission(role, 'users:manage'), false, role);
      assert.equal(hasPermission(role, 'apikeys:manage'), false, role);
    }
  });

  it('lets order processors work orders but not warehouse staff, and knows no unknown role', () => {
    assert.equal(hasPermission('order_processor', 'orders:cancel'), true);
    assert.equal(hasPermission('warehouse', 'orders:write'), false);
    assert.deepEqual(permissionsOf('king'), []);
  });
});
