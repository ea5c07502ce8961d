# A small ray tracer: vector classes with operator overloading, spheres, a plane, diffuse and
# specular lighting, reflections. Prints a checksum of the rendered image.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal_vec, color, reflect):
        self.point = point
        self.n = normal_vec.normalized()
        self.color = color
        self.reflect = reflect

    def intersect(self, ray):
        denom = self.n.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, point):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0, 1, 5), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere(Vec(-2, 0.7, 6), 0.7, Vec(0.2, 0.9, 0.2), 0.5),
            Sphere(Vec(2, 0.5, 4), 0.5, Vec(0.2, 0.2, 0.9), 0.1),
            Plane(Vec(0, 0, 0), Vec(0, 1, 0), Vec(0.8, 0.8, 0.8), 0.2),
        ]
        self.light = Vec(-5, 8, -3)

    def nearest(self, ray):
        best, best_t = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best, best_t = obj, t
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return Vec(0.1, 0.1, 0.15)
        point = ray.at(t)
        n = obj.normal(point)
        to_light = (self.light - point).normalized()
        shadow_obj, _ = self.nearest(Ray(point, to_light))
        diffuse = 0.0 if shadow_obj is not None else max(0.0, n.dot(to_light))
        color = obj.color * (0.1 + 0.9 * diffuse)
        if depth < 3 and obj.reflect > 0:
            r = ray.direction - n * (2 * ray.direction.dot(n))
            color = color * (1 - obj.reflect) + self.trace(Ray(point, r), depth + 1) * obj.reflect
        return color


def render(width, height):
    scene = Scene()
    eye = Vec(0, 1.2, -1)
    checksum = 0
    for j in range(height):
        for i in range(width):
            x = (i - width / 2) / width
            y = (height / 2 - j) / height
            c = scene.trace(Ray(eye, Vec(x, y, 1)), 0)
            checksum += int(min(c.x, 1.0) * 255) + int(min(c.y, 1.0) * 255) * 3 + int(min(c.z, 1.0) * 255) * 7
    return checksum


print(render(200, 150))
